# lrlab: the two commands of the README, and their parts.
#   make test    install what is missing, build native and web, run every test
#   make serve   install what is missing, build the page, serve it on http://127.0.0.1:$(PORT)
BUILD     ?= build
BUILD_WEB ?= build-web
PORT      ?= 8000
# Hardening (issue 14): the libFuzzer build (clang) and the sanitized build, each its own dir.
BUILD_FUZZ      ?= build-fuzz
BUILD_SANITIZE  ?= build-sanitize
FUZZ_TIME       ?= 60
FUZZ_LONG_TIME  ?= 1800
MALFORMED_COUNT ?= 10000
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
export NODE_PATH := /usr/share/nodejs

.PHONY: all deps web-deps native web test test-native test-web test-determinism test-browser serve \
        bench fixtures docs clean fuzz-build fuzz test-fuzz sanitize test-sanitize test-malformed \
        test-hardening

all: native web

deps:
	@sh scripts/install-deps.sh

web-deps:
	@sh scripts/install-web-deps.sh

native: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

web: deps
	emcmake cmake -S . -B $(BUILD_WEB) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_WEB) -j $(JOBS)

test-native: native
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-web: web
	ctest --test-dir $(BUILD_WEB) --output-on-failure -j $(JOBS)

test-determinism: native web
	sh tests/cli/determinism.sh $(BUILD)/lrlab $(BUILD_WEB)/lrlab.js

test-browser: native web web-deps
	LRLAB_CLI=$(BUILD)/lrlab sh tests/web/run.sh $(BUILD_WEB)/web

# Each phase timed (scripts/test-all.sh prints where the minutes went).
test:
	@sh scripts/test-all.sh "$(MAKE)" native web web-deps test-native test-web test-determinism \
	    test-browser fuzz-build test-fuzz test-sanitize test-malformed

# ---- Hardening (README "Hardening"): fuzzers, malformed inputs, the sanitized matrix ----------
fuzz-build: deps
	cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ \
	      -DLRLAB_FUZZ=ON -DLRLAB_TESTS=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target lrlab_fuzzers matrix_runner

# Each fuzz target for FUZZ_TIME seconds (make test), or FUZZ_LONG_TIME (make fuzz).
test-fuzz: fuzz-build
	sh tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_TIME) $(BUILD_FUZZ)/fuzz-out

fuzz: fuzz-build
	sh tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_LONG_TIME) $(BUILD_FUZZ)/fuzz-out

# A g++ build of the matrix's runner with the same sanitizers (make test uses clang's, below).
sanitize: deps
	cmake -S . -B $(BUILD_SANITIZE) -DCMAKE_BUILD_TYPE=Release -DLRLAB_SANITIZE=ON \
	      -DLRLAB_TESTS=OFF
	cmake --build $(BUILD_SANITIZE) -j $(JOBS) --target matrix_runner

# The divergence matrix under ASan+UBSan+float-cast-overflow, reports fatal (native), and
# reduced under node (wasm traps). The runner is the fuzz build's: the same sanitizers and -O1
# (cmake/sanitize.cmake), so make test compiles the engine instrumented once, not twice;
# MATRIX_RUNNER=$(BUILD_SANITIZE)/matrix_runner after make sanitize runs g++'s.
MATRIX_RUNNER ?= $(BUILD_FUZZ)/matrix_runner
test-sanitize: fuzz-build web
	python3 tests/hardening/matrix.py --jobs $(JOBS) $(MATRIX_RUNNER)
	python3 tests/hardening/matrix.py --reduced --jobs $(JOBS) \
	        node --no-experimental-fetch $(BUILD_WEB)/lrlab.js

# MALFORMED_COUNT seeded malformed configs through the native and the wasm CLI, and as many
# malformed URL hashes through the URL codec (native and wasm).
test-malformed: native web
	python3 tests/hardening/replay.py --jobs $(JOBS) --cli $(BUILD)/lrlab --count $(MALFORMED_COUNT)
	python3 tests/hardening/replay.py --jobs $(JOBS) --wasm $(BUILD_WEB)/lrlab.js \
	        --count $(MALFORMED_COUNT)
	python3 tests/hardening/malformed.py --configs 0 --urls $(MALFORMED_COUNT) \
	        --out $(BUILD)/malformed
	$(BUILD)/fuzz_url_replay --pack $(BUILD)/malformed/urls.pack
	node --no-experimental-fetch $(BUILD_WEB)/fuzz_url_replay.js --pack $(BUILD)/malformed/urls.pack

test-hardening: test-fuzz test-sanitize test-malformed

serve: web
	@echo "lrlab: http://127.0.0.1:$(PORT)/"
	python3 -m http.server $(PORT) --bind 127.0.0.1 -d $(BUILD_WEB)/web

bench: native web
	$(BUILD)/lrlab bench
	node --no-experimental-fetch $(BUILD_WEB)/lrlab.js bench

# lrlab against PyTorch and TF.js on identical workloads (README "Speed"); installs the peers.
.PHONY: bench-peers
bench-peers: native web
	sh scripts/bench-peers.sh $(BUILD) $(BUILD_WEB)

# What evaluating every 10 steps costs a 63-cell sweep, natively and under node.
.PHONY: bench-eval
bench-eval: native web
	python3 bench/eval_cost.py $(BUILD)/lrlab 7 9
	python3 bench/eval_cost.py "node --no-experimental-fetch $(BUILD_WEB)/lrlab.js" 3

# Regenerates the PyTorch parity fixtures (needs Debian's python3-torch; CI does not).
fixtures:
	/usr/bin/python3 tests/parity/gen_fixtures.py tests/parity/fixtures

# Refreshes README.md's config reference from the validator's tables.
docs: native
	sh scripts/update-reference.sh $(BUILD)/lrlab

clean:
	rm -rf $(BUILD) $(BUILD_WEB) $(BUILD_FUZZ) $(BUILD_SANITIZE)
