#ifndef HYP_PKG_H
#define HYP_PKG_H

/* Creates a VM for each image of the guest package; returns how many run. */
int pkg_start_vms(void);

#endif
