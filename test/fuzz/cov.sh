#!/bin/bash
# Source coverage of what each harness is about, over its corpus: the
# long runs' (DIR/corpus/<harness>, from make fuzz) and the seeds.
#   cov.sh DIR TARGET...
# The harnesses are rebuilt with clang's source-based coverage (no
# sanitizers: they change nothing here and slow the replay) into DIR/cov,
# each runs its corpus once (-runs=0), and llvm-cov reports the lines,
# regions and branches of the target's own source files.
set -eu
dir=$1
shift
cc=${FUZZ_CC:-clang}
src=test/fuzz
out=$dir/cov
flags="-std=gnu11 -O1 -g -I. -DHOST_TEST -fprofile-instr-generate -fcoverage-mapping"
srcs=$(make -s --no-print-directory print-fuzz-srcs)

# The files each harness drives (the rest of what it links is scaffolding).
files() {
	case $1 in
	fuzz_a32)   echo arch/arm/a32_decode.c arch/arm/emul_psr.c arch/arm/emul_eret.c \
			arch/arm/emul_sysreg.c arch/arm/emul_call.c arch/arm/cp15.c \
			arch/arm/cp15_mmu.c arch/arm/vexc.c ;;
	fuzz_ldst)  echo arch/arm/ldst.c ;;
	fuzz_elf)   echo hyp/loader.c ;;
	fuzz_vmsa)  echo arch/arm/vmsa.c ;;
	fuzz_scan)  echo arch/arm/scan.c arch/arm/fast_kind.c ;;
	fuzz_vgic)  echo hyp/vgic.c ;;
	fuzz_vuart) echo hyp/vuart.c ;;
	esac
}

mkdir -p "$out"
for t in "$@"; do
	$cc $flags -fsanitize=fuzzer -o "$out/$t" "$src/$t.c" $srcs
	corpora=("$src/corpus/$t")
	[ -d "$dir/corpus/$t" ] && corpora=("$dir/corpus/$t" "${corpora[@]}")
	[ -d "$src/regress/$t" ] && corpora+=("$src/regress/$t")
	# -runs=0: every input once, nothing mutated, nothing written
	LLVM_PROFILE_FILE="$out/$t.profraw" "$out/$t" -runs=0 "${corpora[@]}" >"$out/$t.log" 2>&1
	llvm-profdata merge -sparse -o "$out/$t.profdata" "$out/$t.profraw"
	echo "== $t: $(find "${corpora[@]}" -type f | wc -l) inputs"
	llvm-cov report -show-region-summary=false -show-instantiation-summary=false \
		-instr-profile="$out/$t.profdata" "$out/$t" $(files "$t") | sed -e '/^--*$/d' -e "s|$PWD/||"
done
