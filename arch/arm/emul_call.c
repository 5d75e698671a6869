/* WFI/WFE, HVC and SMC: the instructions that ask the machine for something. */
#include "arch/arm/a32.h"
#include "hyp/psci.h"
#include "hyp/sched.h"

/* WFI/WFE: the vCPU waits for an interrupt or event (sched decides), and
 * then goes on after the instruction, whichever instruction set's it is. */
enum emu emu_wfx(struct vcpu *v, uint32_t insn)
{
	sched_wait(v, !bit(insn, 0));	/* WFE is ...2, WFI ...3 */
	return EMU_NEXT;
}

/* HVC: PSCI, QEMU's firmware interface, which answers every function ID
 * from PL1.  At PL0 HVC is UNDEFINED. */
enum emu emu_hvc(struct vcpu *v, uint32_t insn)
{
	(void)insn;
	if (!vcpu_privileged(v))
		return EMU_UNDEF;
	return psci_call(v) == PSCI_DONE ? EMU_NEXT : EMU_DONE;
}

/* SMC: no Secure monitor on this machine (QEMU virt without EL3). */
enum emu emu_smc(struct vcpu *v, uint32_t insn)
{
	(void)v; (void)insn;
	return EMU_UNDEF;
}
