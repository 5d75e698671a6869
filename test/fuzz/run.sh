#!/bin/bash
# Runs the libFuzzer harnesses built by test/fuzz/fuzz.mk, one at a time.
#   run.sh short DIR RUNS TARGET...     every regression input, then RUNS
#       runs from seed 1 over the seed corpus: the same runs every time on
#       a machine, for make test
#   run.sh long DIR SECONDS TARGET...   SECONDS of fuzzing each, the corpus
#       kept in DIR/corpus; one line per target in DIR/summary.txt
# DIR holds the binaries (DIR/bin) and everything the runs write.  New
# inputs only ever go to DIR: test/fuzz/corpus and test/fuzz/regress are
# read, never written.  Exits non-zero if any harness found a problem.
set -u
mode=$1 dir=$2 amount=$3
shift 3
src=test/fuzz
status=0
TIMEFORMAT='%R %U %S'		# bash's time: wall, user and system seconds

# The libFuzzer statistic $2 from log $1 (-print_final_stats=1).
stat() {
	sed -n "s/^stat::$2: *//p" "$1" | tail -1
}

# Field $2 (cov: edges, ft: features) of the last status line of log $1.
status_field() {
	sed -n "s/^#[0-9].* $2: \([0-9]*\).*/\1/p" "$1" | tail -1
}

# Runs every regression input of target $1 once; prints how many.
regress() {
	local t=$1 log=$dir/log/$1.regress
	local inputs=("$src/regress/$t"/*)

	[ -e "${inputs[0]}" ] || { echo 0; return 0; }
	if ! "$dir/bin/$t" "${inputs[@]}" >"$log" 2>&1; then
		tail -40 "$log" >&2
		echo "fuzz: $t fails on a regression input, see $log" >&2
		return 1
	fi
	echo ${#inputs[@]}
}

short() {
	local t=$1 log=$dir/log/$1.short n times
	local scratch=$dir/short/$t

	rm -rf "$scratch" && mkdir -p "$scratch"
	n=$(regress "$t") || return 1
	# The scratch directory first: libFuzzer adds new inputs to the first
	# one.  The same runs every time: a fixed seed, no rereading of the
	# corpus directories on a timer (-reload), no comparison operands as
	# mutation material (-use_cmp: among them are heap addresses) and no
	# address randomization (setarch -R: a few counters depend on where
	# the stack is), each of which made the run differ from the last.
	times=$( { time setarch -R "$dir/bin/$t" -seed=1 -reload=0 -use_cmp=0 -runs="$amount" -print_final_stats=1 \
		-artifact_prefix="$scratch/" "$scratch" "$src/corpus/$t" >"$log" 2>&1; } 2>&1 ) || {
		tail -40 "$log" >&2
		echo "fuzz: $t failed, see $log; the input is in $scratch/" >&2
		return 1
	}
	printf "  FUZZ    %-11s %7s runs in %5ss, %4s edges, %3s regression inputs\n" \
		"$t" "$(stat "$log" number_of_executed_units)" "${times%% *}" \
		"$(status_field "$log" cov)" "$n"
}

long() {
	local t=$1 log=$dir/log/$1.long times execs wall user sys cpu
	local crashes=$dir/crashes/$t/

	mkdir -p "$dir/corpus/$t" "$crashes"
	regress "$t" >/dev/null || return 1
	echo "  FUZZ    $t for ${amount}s (log: $log)"
	times=$( { time "$dir/bin/$t" -max_total_time="$amount" -timeout=10 -use_value_profile=1 \
		-print_final_stats=1 -artifact_prefix="$crashes" "$dir/corpus/$t" \
		"$src/corpus/$t" >"$log" 2>&1; } 2>&1 )
	local rc=$?
	read -r wall user sys <<<"$times"
	execs=$(stat "$log" number_of_executed_units)
	execs=${execs:-0}		# (no statistics after a crash)
	cpu=$(awk "BEGIN { print $user + $sys }")
	printf "%-11s %11s execs %8ss wall %8ss cpu %8s exec/s %5s edges %6s ft corpus %5s  %s\n" \
		"$t" "$execs" "$wall" "$cpu" "$(awk "BEGIN { printf \"%d\", ($wall > 0 ? $execs / $wall : 0) }")" \
		"$(status_field "$log" cov)" "$(status_field "$log" ft)" "$(ls "$dir/corpus/$t" | wc -l)" \
		"$([ $rc = 0 ] && echo ok || echo "FOUND A PROBLEM: $crashes")" | tee -a "$dir/summary.txt"
	return $rc
}

mkdir -p "$dir/log"
[ "$mode" = long ] && echo "# make fuzz, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null)" >>"$dir/summary.txt"
for t in "$@"; do
	"$mode" "$t" || status=1
done
exit $status
