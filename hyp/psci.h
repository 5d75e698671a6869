/* PSCI over HVC, as QEMU provides it to a guest on -M virt. */
#ifndef HYP_PSCI_H
#define HYP_PSCI_H

struct vcpu;

enum psci_result {
	PSCI_DONE,		/* r0 holds the result, continue after the HVC */
	PSCI_STOPPED,		/* the VM powered off, reset or its vCPU halted */
};

enum psci_result psci_call(struct vcpu *v);

#endif
