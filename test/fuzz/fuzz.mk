# Host fuzzing (docs/FUZZING.md): one libFuzzer harness per file
# test/fuzz/fuzz_*.c, over the sources the host unit tests compile
# (HOST_SRCS, with the same fakes), built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer; any undefined behaviour aborts.
#   make fuzz-short   every input under test/fuzz/regress/, then each harness
#                     for FUZZ_RUNS runs from a fixed seed: part of make test
#   make fuzz         each harness for FUZZ_SECONDS, one after the other; the
#                     corpus grows in build/fuzz/corpus/, crashes land in
#                     build/fuzz/crashes/, totals in build/fuzz/summary.txt
#   make fuzz-cov     source coverage of each harness's files over its corpus
#   FUZZ_TARGETS="fuzz_a32 fuzz_ldst"   only those harnesses
# There is no fallback without clang: deps.sh installs it, and a test step
# that skipped itself would pass without having run.
FUZZ_CC      ?= clang
FUZZ_RUNS    ?= 200000
FUZZ_SECONDS ?= 600
FZ           := $(B)/fuzz
FUZZ_CFLAGS  := -std=gnu11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra -I. -DHOST_TEST \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined -MMD -MP
FUZZ_TARGETS := $(patsubst test/fuzz/%.c,%,$(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS    := $(addprefix $(FZ)/bin/,$(FUZZ_TARGETS))
# the code under test and the fakes, without the cmocka-only harness
FUZZ_SRCS    := $(filter-out test/host/loader_harness.c,$(HOST_SRCS)) test/fuzz/vcpu_input.c
FUZZ_OBJS    := $(patsubst %.c,$(FZ)/obj/%.o,$(FUZZ_SRCS))

# Coverage instrumentation in the code under test and the fakes (whose
# address checks guide the fuzzer to RAM and the device); not in the
# loader checks, which scan all of RAM after every run.  libFuzzer's main
# only in the harness.
FUZZ_COV := -fsanitize=fuzzer-no-link
$(FZ)/obj/test/host/loader_check.o: FUZZ_COV :=

$(FZ)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_COV) -c $< -o $@

$(FUZZ_BINS): $(FUZZ_OBJS)
$(FZ)/bin/%: test/fuzz/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS)

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_BINS:=.d)

# libclang-rt-dev: libFuzzer and the sanitizer runtimes of Debian's default
# clang (it pulls libclang-rt-<version>-dev for that version).
fuzz-deps:
	@scripts/deps.sh clang libclang-rt-dev
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz: no $(FUZZ_CC) (FUZZ_CC)"; exit 1; }

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory -s $(FUZZ_BINS)

fuzz-short: fuzz-build
	@test/fuzz/run.sh short $(FZ) $(FUZZ_RUNS) $(FUZZ_TARGETS)

fuzz: fuzz-build
	@test/fuzz/run.sh long $(FZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Line and branch coverage of each harness's own source files over its
# corpus (after make fuzz: the grown one too); llvm-cov is in Debian's llvm.
fuzz-cov: fuzz-deps
	@scripts/deps.sh llvm
	@test/fuzz/cov.sh $(FZ) $(FUZZ_TARGETS)

print-fuzz-srcs:
	@echo $(FUZZ_SRCS)

.PHONY: fuzz fuzz-short fuzz-build fuzz-deps fuzz-cov print-fuzz-srcs
