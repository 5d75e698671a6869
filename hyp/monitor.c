/*
 * The monitor: an operator's shell on the shared console, opened with
 * Ctrl-] m.  It has the keyboard until "exit" (or Ctrl-]); the VMs go on
 * running and printing meanwhile (their lines end the prompt's line, which
 * is shown again at the next key).  Commands run in the console's
 * interrupt handler, between two traps, so every VM's state is at rest:
 * they only look, or set a state the scheduler acts on as it next picks.
 * Every line fits an 80-column terminal.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "hyp/monitor.h"
#include "hyp/console.h"
#include "hyp/vm.h"
#include "hyp/mem.h"
#include "hyp/sched.h"
#include "hyp/trace.h"
#include "hyp/stats.h"
#include "arch/arm/timer.h"

#define MON_LINE	64
#define MON_ARGS	3

static bool active;
static char line[MON_LINE];
static unsigned len;

struct mon_cmd {
	const char *name, *args, *help;
	int nargs;				/* words after the command */
	void (*run)(char **argv);
};

static const struct mon_cmd cmds[];

bool monitor_active(void)
{
	return active;
}

static unsigned long ms(uint64_t ticks)
{
	return (unsigned long)(timer_ticks_to_us(ticks) / 1000);
}

/* A VM by its name or its slot number. */
static struct vm *find_vm(const char *s)
{
	char *end;
	long slot = strtol(s, &end, 10);

	for (int i = 0; i < VM_MAX; i++)
		if (vms[i].state != VM_EMPTY &&
		    (!strcmp(vms[i].name, s) || (!*end && end != s && slot == i)))
			return &vms[i];
	hyp_printf("monitor: no VM '%s' (\"vms\" lists them)\n", s);
	return NULL;
}

static uint64_t traps_of(const struct vm *vm)
{
	uint64_t n = 0;

	for (int c = 0; c < TRAP_NR; c++)
		n += vm->vcpu.traps[c];
	return n;
}

static void cmd_help(char **argv)
{
	(void)argv;
	for (const struct mon_cmd *c = cmds; c->name; c++)
		hyp_printf("  %-7s %-10s %s\n", c->name, c->args, c->help);
	hyp_printf("  VM is a name or a slot number; Ctrl-] also leaves\n");
}

static void cmd_vms(char **argv)
{
	uint64_t now = timer_now();

	(void)argv;
	hyp_printf(" # name       state     cpu%%   slices      traps    virqs  RAM  hyp\n");
	for (int i = 0; i < VM_MAX; i++) {
		const struct vm *vm = &vms[i];
		uint64_t up = (vm->state == VM_OFF ? vm->t_end : now) - vm->t_start;
		unsigned long permille = up ? (unsigned long)(vm->cpu_ticks * 1000 / up) : 0;

		if (vm->state == VM_EMPTY)
			continue;
		hyp_printf("%2d %-10.10s %-8s %3lu.%lu %8lu %10lu %8lu %3luM %3luK%s\n", i,
			   vm->name, vm_state_name(vm->state), permille / 10, permille % 10,
			   (unsigned long)vm->slices, (unsigned long)traps_of(vm),
			   (unsigned long)vm->virqs, (unsigned long)(vm->ram_size >> 20),
			   (unsigned long)(vm->hyp_bytes + 1023) / 1024,
			   vm->vcpu.trace ? " traced" : "");
	}
}

static void cmd_regs(char **argv)
{
	struct vm *vm = find_vm(argv[1]);

	if (!vm)
		return;
	hyp_printf("%s: %s\n", vm->name, vm_state_name(vm->state));
	vcpu_report(&vm->vcpu);
}

static void cmd_pause(char **argv)
{
	struct vm *vm = find_vm(argv[1]);

	if (!vm)
		return;
	if (vm->state != VM_RUNNING) {
		hyp_printf("monitor: %s is %s, not running\n", vm->name, vm_state_name(vm->state));
		return;
	}
	vm->state = VM_PAUSED;
	hyp_printf("%s: paused\n", vm->name);
}

static void cmd_resume(char **argv)
{
	struct vm *vm = find_vm(argv[1]);

	if (!vm)
		return;
	if (vm->state != VM_PAUSED) {
		hyp_printf("monitor: %s is %s, not paused\n", vm->name, vm_state_name(vm->state));
		return;
	}
	vm->state = VM_RUNNING;
	hyp_printf("%s: resumed\n", vm->name);
}

/* An operator's restart does not count against the crash limit. */
static void cmd_restart(char **argv)
{
	struct vm *vm = find_vm(argv[1]);

	if (!vm)
		return;
	if (!vm->image_len || vm->state == VM_RESTART) {
		hyp_printf("monitor: %s cannot be restarted\n", vm->name);
		return;
	}
	vm->state = VM_RESTART;
	hyp_printf("%s: restarting\n", vm->name);
}

static void cmd_stop(char **argv)
{
	struct vm *vm = find_vm(argv[1]);

	if (!vm)
		return;
	if (vm->state == VM_OFF || vm->state == VM_FAILED) {
		hyp_printf("monitor: %s is %s already\n", vm->name, vm_state_name(vm->state));
		return;
	}
	hyp_printf("%s: stopped by the operator\n", vm->name);
	vm_power_off(vm);
}

static void cmd_trace(char **argv)
{
	struct vm *vm = find_vm(argv[1]);
	bool on = !strcmp(argv[2], "on");

	if (!vm)
		return;
	if (!on && strcmp(argv[2], "off")) {
		hyp_printf("monitor: trace %s on|off\n", argv[1]);
		return;
	}
	trace_set(&vm->vcpu, on);
	hyp_printf("%s: trace %s\n", vm->name, on ? "on (every trap, rate-limited)" : "off");
}

static void cmd_stats(char **argv)
{
	uint64_t t[TRAP_NR] = { 0 }, total = 0, virqs = 0;
	char buf[80];
	unsigned n = 0;

	(void)argv;
	for (int i = 0; i < VM_MAX; i++) {
		for (int c = 0; c < TRAP_NR; c++)
			t[c] += vms[i].vcpu.traps[c];
		virqs += vms[i].virqs;
	}
	hyp_printf("up %lu ms, asleep %lu ms (woken %lu times); trapvisor heap %lu KiB\n",
		   ms(timer_now() - vms[0].t_start), ms(idle_stats.ticks), idle_stats.wakeups,
		   (unsigned long)(heap_used() + 1023) / 1024);
	for (int c = 0; c < TRAP_NR; c++)
		total += t[c];
	hyp_printf("traps %lu, virtual interrupts %lu; by class:\n", (unsigned long)total,
		   (unsigned long)virqs);
	for (int c = 0; c < TRAP_NR; c++) {
		n += sniprintf(buf + n, sizeof(buf) - n, " %6s %10lu", trap_class_name[c],
			       (unsigned long)t[c]);
		if (c % 4 == 3 || c == TRAP_NR - 1) {
			hyp_printf("%s\n", buf);
			n = 0;
		}
	}
}

static void cmd_exit(char **argv)
{
	(void)argv;
	active = false;
	hyp_printf("monitor: closed\n");
}

static const struct mon_cmd cmds[] = {
	{ "help",    "",          "this list", 0, cmd_help },
	{ "vms",     "",          "every VM: state, CPU share, slices, traps, memory", 0, cmd_vms },
	{ "regs",    "VM",        "its registers, virtual mode, last trap", 1, cmd_regs },
	{ "pause",   "VM",        "stop scheduling it", 1, cmd_pause },
	{ "resume",  "VM",        "schedule it again", 1, cmd_resume },
	{ "restart", "VM",        "clean restart: RAM cleared, image reloaded", 1, cmd_restart },
	{ "stop",    "VM",        "power it off", 1, cmd_stop },
	{ "trace",   "VM on|off", "log every trap it takes (rate-limited)", 2, cmd_trace },
	{ "stats",   "",          "trapvisor's totals", 0, cmd_stats },
	{ "exit",    "",          "leave the monitor", 0, cmd_exit },
	{ NULL, NULL, NULL, 0, NULL },
};

static void run(char *s)
{
	char *argv[MON_ARGS + 1] = { 0 };
	int argc = 0;

	for (char *w = strtok(s, " \t"); w; w = strtok(NULL, " \t"))
		if (argc <= MON_ARGS)
			argv[argc++] = w;
	if (!argc)
		return;
	for (const struct mon_cmd *c = cmds; c->name; c++) {
		if (strcmp(c->name, argv[0]))
			continue;
		if (argc - 1 != c->nargs)
			hyp_printf("monitor: usage: %s %s\n", c->name, c->args);
		else
			c->run(argv);
		return;
	}
	hyp_printf("monitor: unknown command '%s' (\"help\" lists them)\n", argv[0]);
}

void monitor_enter(void)
{
	active = true;
	len = 0;
	hyp_printf("monitor: \"help\" for commands, \"exit\" or Ctrl-] to leave\n");
	console_mon_show(line, 0);
}

void monitor_key(uint8_t c)
{
	if (c == CONSOLE_ESCAPE) {
		console_mon_end();
		cmd_exit(NULL);
		return;
	}
	console_mon_show(line, len);		/* again, if someone printed since */
	if (c == '\r' || c == '\n') {
		console_mon_end();
		line[len] = 0;
		len = 0;
		run(line);
		if (active)
			console_mon_show(line, 0);
	} else if ((c == 0x7f || c == '\b') && len) {
		len--;
		console_mon_echo("\b \b", 3);
	} else if (c >= ' ' && c < 0x7f && len < MON_LINE - 1) {
		line[len++] = (char)c;
		console_mon_echo((char *)&c, 1);
	}
}
