# The README's commands. Every target that builds first installs what a new machine lacks.
SWIFT        ?= swift
APT_PACKAGES := libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev
# The test suite also opens the HTML report in a real browser, with the fonts the hostile names need
# (Chinese, Japanese and Korean; Arabic), so the dashboard screenshot shows them instead of empty boxes,
# and starts throwaway PostgreSQL clusters (initdb) for the destination tests.
TEST_PACKAGES := $(APT_PACKAGES) chromium fonts-noto-cjk fonts-hosny-amiri postgresql
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_DIR     ?= reports/demo

.PHONY: all deps test-deps install-packages build demo test bench clean

all: build

## deps: install the Debian packages the build links against, when missing
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

install-packages:
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## build: compile the etl command
build: deps
	$(SWIFT) build --product etl

## demo: run the whole pipeline against the embedded sandbox APIs; prints the report's path
demo: build
	"$$($(SWIFT) build --show-bin-path)/etl" demo --out $(DEMO_DIR)

## test: the whole test suite (unit, HTTP on loopback, end to end through the built binary, headless
## Chromium, throwaway PostgreSQL clusters), in parallel: vendor time in the tests is a virtual clock they
## advance, so no test waits on the machine's speed (40-50 s on two cores after the build in debug, mostly CPU).
## The tests' scratch files (warehouses, reports, PostgreSQL clusters, browser profiles) go to a directory of
## this checkout's own on /dev/shm when that is a memory file system with 2 GB free, emptied before and removed
## after: on disk, creating and deleting their thousands of small files cost a tenth of the run's CPU in the
## kernel. The build runs with the same TMPDIR, since SwiftPM compiles its manifest again for another one (10 s).
## Elsewhere everything stays in TMPDIR.
TEST_SCRATCH := $(shell [ "$$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && \
                  [ "$$(df -Pk /dev/shm | awk 'NR == 2 { print $$4 }')" -gt 2097152 ] && \
                  echo /dev/shm/outreach-etl-tests-$$(printf %s "$(CURDIR)" | cksum | cut -d ' ' -f 1))
test: test-deps
ifneq ($(TEST_SCRATCH),)
	rm -rf $(TEST_SCRATCH) && mkdir -m 1777 $(TEST_SCRATCH)
	TMPDIR=$(TEST_SCRATCH) $(SWIFT) build --build-tests
	TMPDIR=$(TEST_SCRATCH) $(SWIFT) test --skip-build; status=$$?; rm -rf $(TEST_SCRATCH); exit $$status
else
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
endif

## bench: the benchmark harness (release build): the sandbox's large accounts at several scales, every
## stage timed in a process of its own with its peak memory, the sqlite3, libxlsxwriter and C API
## baselines; writes benchmarks/results.md and prints one line per figure. The release build is timed
## and passed on, so the results give the whole run's time (and the last scale is skipped when it
## would not fit in 15 minutes). sqlite3 is the CSV baseline's shell; PostgreSQL's psql the publish's.
## BENCH_ARGS passes options to etl-bench, e.g. BENCH_ARGS="--scales 1,10 --days 60".
BENCH_ARGS ?=
BENCH_PACKAGES := $(APT_PACKAGES) sqlite3 postgresql
# Without debug information: the bench measures speed, and DWARF for every dependency costs build minutes on two cores.
BENCH_BUILD_FLAGS := -Xswiftc -gnone -Xcc -g0
bench:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES)"
	@start=$$(date +%s); \
	$(SWIFT) build -c release --product etl-bench $(BENCH_BUILD_FLAGS) || exit 1; \
	built=$$(( $$(date +%s) - start )); \
	echo "release build: $$built s"; \
	"$$($(SWIFT) build -c release $(BENCH_BUILD_FLAGS) --show-bin-path)/etl-bench" --build-seconds $$built --out benchmarks/results.md $(BENCH_ARGS)

clean:
	rm -rf .build reports/demo
