# The two commands of the README: `make demo` (the main job) and `make test` (every test).
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: demo test build release bench bench-helper bootstrap clean

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	swift build

# Both executables with the Swift runtime (standard library, Foundation, Dispatch) linked in, so they
# run on Linux hosts without a Swift toolchain and start faster; ldd proves it.
RELEASE_FLAGS := -c release --static-swift-stdlib
release: bootstrap
	swift build $(RELEASE_FLAGS)
	@bin=$$(swift build $(RELEASE_FLAGS) --show-bin-path); \
	for exe in aws_signing_helper rolesanywhere; do \
	    test -x "$$bin/$$exe" || { echo "release: $$bin/$$exe was not built" >&2; exit 1; }; \
	    if ldd "$$bin/$$exe" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime'; then \
	        echo "release: $$exe loads the Swift runtime as shared libraries (above)" >&2; exit 1; \
	    fi; \
	    echo "release: $$bin/$$exe needs no Swift shared library"; \
	done

# Benchmarks; never part of `make test`.
bench: bench-helper

bench-helper: release
	@RA_BIN=$$(swift build $(RELEASE_FLAGS) --show-bin-path) bench/helper-bench.sh

demo: build
	@scripts/demo.sh

# Two groups run in processes of their own; each run is bounded so a stall fails CI instead of eating
# its time. The helper's provider and serve suites can stall the combined run (a known interaction,
# being investigated; see the closing notes). The in-process hardware-key suites load the PKCS#11
# engine and the tpm2 provider, after which other tests of the same process were once seen failing
# to generate EC keys ("invalid curve"); alone they pass.
ISOLATED_SUITES := ServeEndToEndTests|ProviderTests
HARDWARE_SUITES := PKCS11KeyTests|TPMKeyTests
test:
	@scripts/bootstrap.sh --test
	swift build --build-tests
	RA_VENV=$(CURDIR)/.venv timeout 600 swift test --skip-build --filter '$(HARDWARE_SUITES)' 2>&1 | tee .build/test-hardware.log; \
	  test $${PIPESTATUS[0]} -eq 0
	RA_VENV=$(CURDIR)/.venv timeout 1200 swift test --skip-build --skip '$(ISOLATED_SUITES)|$(HARDWARE_SUITES)' 2>&1 | tee .build/test.log; \
	  test $${PIPESTATUS[0]} -eq 0
	RA_VENV=$(CURDIR)/.venv timeout 600 swift test --skip-build --filter '$(ISOLATED_SUITES)' 2>&1 | tee .build/test-isolated.log; \
	  test $${PIPESTATUS[0]} -eq 0

clean:
	rm -rf .build .venv
