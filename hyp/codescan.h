/*
 * Code found at run time ("dynamic scanning"): for images without
 * mapping symbols (raw firmware) and for code a guest writes while it
 * runs.  A page of guest memory may only be executed by a virtual
 * privileged mode once it has been scanned: until then the shadow tables
 * map it without execute permission, so the first instruction fetched
 * from it faults, and trapvisor scans the code reachable from there.
 * Scanned pages are mapped read-only: a write to one restores its
 * original instructions and makes it unscanned again.
 *
 * Scanning follows execution, never reads a page front to back: from
 * where the guest is about to execute, through fall-through and direct
 * branches (A32 and T32, BLX switching between them), rewriting the
 * sensitive instructions it meets, and every indirect branch except
 * returns, so that where one goes is known (and scanned) before it goes.
 * Words no path reaches, literal pools and tables among them, are never
 * decoded, so data that looks like an instruction is never rewritten; a
 * path that runs into words reached code loads as literals (after a call
 * that does not return) stops there.
 * docs/DESIGN.md, "Code found at run time", has the reasoning.
 */
#ifndef HYP_CODESCAN_H
#define HYP_CODESCAN_H

#include <stdint.h>
#include <stdbool.h>

struct vm;
struct vcpu;

#define CODESCAN_PAGES	512		/* pages scanned at once, per VM */

struct code_page {
	uint32_t gpa;			/* page address; CODE_PAGE_FREE if unused */
	uint32_t reached[64];		/* one bit per halfword of a reached instruction */
	uint32_t literal[32];		/* one bit per word reached code loads as data */
};

struct codescan {
	bool on;			/* in force for this VM */
	struct code_page *pages;	/* CODESCAN_PAGES records */
	uint16_t *index;		/* page number (see codescan.c) -> record + 1 */
	uint16_t *per_mib;		/* records in each 1 MiB of flash and RAM */
	unsigned used, free_hint;
	/* since the VM started, for the summary and the monitor */
	uint32_t scanned;		/* pages scanned */
	uint32_t rewritten;		/* instructions rewritten */
	uint32_t unscanned;		/* pages written after they were scanned */
	uint32_t recycled;		/* times every record was dropped for room */
	uint32_t copies;		/* trapvisor UDFs found copied elsewhere */
};

/* Turns dynamic scanning on for vm (its tables are allocated the first
 * time); false if there is no memory for them. */
bool codescan_enable(struct vm *vm);
/* Every record dropped (VM reset: its memory is reloaded anyway). */
void codescan_reset(struct vm *vm);

/* Rights a shadow entry for guest-physical page gpa may grant (VMSA_R/W/X),
 * from those the guest's tables give: no execute in a privileged view
 * until scanned, no write once scanned. */
unsigned codescan_rights(struct vm *vm, uint32_t gpa, bool privileged, unsigned rights);
/* False if the 1 MiB at gpa holds a scanned page or the image's code
 * (then the shadow maps it by pages, each with its own rights). */
bool codescan_section_ok(struct vm *vm, uint32_t gpa);
/* True if gpa's page was scanned (a write to it must unscan it first). */
bool codescan_is_scanned(struct vm *vm, uint32_t gpa);

/* The guest executes va (a privileged mode, execute fault on an unscanned
 * page, or the PC it resumes at): scans what is reachable from it.
 * force: va's instruction is scanned again even if reached (a T32
 * instruction straddling into an unscanned page). */
void codescan_enter(struct vcpu *v, uint32_t va, bool force);
/* Before the guest resumes: its PC, if it is in a scanned page but was
 * never reached (an exception vector, an emulated branch's target). */
void codescan_resume(struct vcpu *v);
/* The guest writes the scanned page of gpa: its originals are put back
 * and it is unscanned. */
void codescan_written(struct vm *vm, uint32_t gpa);
/* An emulated store of size bytes at gpa is about to happen: the page is
 * unscanned first unless the store only changes literals (code that was
 * reached loads them; a literal pool updated in place, as U-Boot's
 * relocation and its exception vectors' addresses do, keeps the page).
 * Any other word may be new code that a branch the guest's own image
 * makes (which does not trap) would run unscanned. */
void codescan_store(struct vm *vm, uint32_t gpa, unsigned size);

#endif
