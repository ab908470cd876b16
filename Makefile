# errcat: error-code catalogs to C tables, gettext templates and a runtime.
# GNU make. `make` builds, `make check` tests, `make demo` shows it,
# `make install` installs (PREFIX, DESTDIR and the directories below).

VERSION = 1.0
PREFIX = /usr/local
EXEC_PREFIX = $(PREFIX)
BINDIR = $(EXEC_PREFIX)/bin
LIBDIR = $(EXEC_PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
DATAROOTDIR = $(PREFIX)/share
DATADIR = $(DATAROOTDIR)
LOCALEDIR = $(DATAROOTDIR)/locale
MANDIR = $(DATAROOTDIR)/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
CMAKEDIR = $(LIBDIR)/cmake/errcat
# Installed catalogs, which the installed errcat command answers for.
CATALOGDIR = $(DATADIR)/errcat/catalogs

CC = cc
CXX = c++
CFLAGS = -O2 -g
LDFLAGS =
WARN = -Wall -Wextra -Werror
STD = -std=c99 -D_POSIX_C_SOURCE=200809L

B = build
SOVERSION = 1

XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
# errcat-gen wraps .pot strings with libunistring's line breaking, as
# gettext's own tools do.
GEN_LIBS = $(XML_LIBS) -lunistring
JSON_LIBS = -ljansson
CMOCKA_LIBS = -lcmocka

ifeq ($(V),1)
Q =
else
Q = @
endif

# The catalogs this tree ships, built by the rules it installs
# (mk/errcat.mk). Adding a catalog is one line: NAME, catalog, its
# translations (LINGUAS, LL.po), the C output and the .pot directory; it
# gets its library liberrcat-NAME, header <errcat/NAME.h> and errcat-NAME.pc.
ERRCAT_GEN = $(B)/errcat-gen
ERRCAT_GEN_DEP = $(B)/errcat-gen
ERRCAT_BUILDDIR = $(B)/catalogs
ERRCAT_LOCALE_BUILD = $(B)/locale
ERRCAT_LOCALEDIR = $(LOCALEDIR)
ERRCAT_CATALOGDIR = $(CATALOGDIR)
ERRCAT_INSTALL_DIR = DESTDIR='$(DESTDIR)' sh mk/install-dirs.sh $(B)/install-dirs
ERRCAT_Q = $(Q)
include mk/errcat.mk
$(eval $(call errcat_catalog,csbs,catalog/csbs.xml,po,generated,po))

CATALOGS = $(ERRCAT_CATALOGS)
CATALOG_XML = $(foreach c,$(CATALOGS),$($(c)_ERRCAT_XML))
GEN_C = $(foreach c,$(CATALOGS),$($(c)_ERRCAT_C))
GEN_H = $(foreach c,$(CATALOGS),$($(c)_ERRCAT_H))
MO = $(foreach c,$(CATALOGS),$($(c)_ERRCAT_MO))
COMPILED = $(foreach c,$(CATALOGS),$($(c)_ERRCAT_COMPILED))

# errcat-gen: the generator.  One module per file; main.c only reads argv.
GEN_SRC = $(wildcard src/gen/*.c) src/lib/placeholder.c
GEN_OBJ = $(GEN_SRC:%.c=$(B)/%.o) $(B)/schema_rng.o
GEN_LIBOBJ = $(filter-out $(B)/src/gen/main.o,$(GEN_OBJ))

# liberrcat: the runtime. It exports what errcat.h declares and nothing
# else: hidden visibility by default, errcat.h marks its declarations, and
# the version script gives them the version node.
LIB_SRC = $(wildcard src/lib/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(B)/%.o)
LIB_A = $(B)/liberrcat.a
LIB_SO = $(B)/liberrcat.so.$(SOVERSION)
LIB_HDR = src/lib/errcat.h src/lib/errcat_catalog.h

# liberrcat-NAME: the tables of each shipped catalog as a library.
CAT_A = $(CATALOGS:%=$(B)/liberrcat-%.a)
CAT_SO = $(CATALOGS:%=$(B)/liberrcat-%.so.$(SOVERSION))
PC = $(B)/errcat.pc $(CATALOGS:%=$(B)/errcat-%.pc)
CMAKE_FILES = $(B)/cmake/errcatConfig.cmake \
	$(B)/cmake/errcatConfigVersion.cmake mk/errcat-catalog.cmake \
	mk/errcat-generate.cmake mk/errcat-mo.cmake
MAN = $(addprefix $(B)/man/,errcat.1 errcat-gen.1 errcat.3 errcat-catalog.5)

# errcat: the CLI, a client of liberrcat with the shipped catalogs linked in.
CLI_SRC = $(wildcard src/cli/*.c)
CLI_OBJ = $(CLI_SRC:%.c=$(B)/%.o) $(GEN_C:%.c=$(B)/%.o) $(GEN_LIBOBJ)

# Unit tests: tests/unit/test_MODULE.c, one cmocka binary per module.
GEN_TESTS = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard $(GEN_TEST_SRC)))
GEN_TEST_SRC = tests/unit/test_placeholder.c tests/unit/test_model.c \
	tests/unit/test_load.c tests/unit/test_validate.c \
	tests/unit/test_numbering.c tests/unit/test_emit.c \
	tests/unit/test_import.c
LIB_TEST_SRC = $(filter-out $(GEN_TEST_SRC),$(wildcard tests/unit/test_*.c))
LIB_TESTS = $(patsubst tests/unit/%.c,$(B)/tests/%,$(LIB_TEST_SRC))

ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) -fPIC -MMD -MP \
	-Isrc/include -Isrc/lib -Igenerated $(XML_CFLAGS) \
	-DERRCAT_LOCALEDIR='"$(LOCALEDIR)"' \
	-DERRCAT_CATALOGDIR='"$(CATALOGDIR)"'

.PHONY: all check demo clean regen install uninstall update-po new-po \
	po-stats deps deps-check bench fuzz sanitize tsan valgrind \
	abi-check abi-update check-system-install
.SUFFIXES:

all: deps $(B)/errcat-gen $(GEN_C) $(LIB_A) $(LIB_SO) $(CAT_A) $(CAT_SO) \
	$(B)/errcat $(MO) $(PC) $(CMAKE_FILES) $(B)/errcat.mk $(MAN)

# Debian packages: the goals' needs, installed (or named, all at once)
# before anything compiles: every rule that runs a compiler has `| deps`.
DEPS_SET_check = check
DEPS_SET_sanitize = check
DEPS_SET_tsan = check
DEPS_SET_stress = check
DEPS_SET_abi-check = check
DEPS_SET_abi-update = check
DEPS_SET_valgrind = valgrind
DEPS_SET_fuzz = fuzz
DEPS_SET_bench = bench
DEPS_SETS = $(sort $(foreach g,$(or $(MAKECMDGOALS),all),\
	$(or $(DEPS_SET_$(g)),build)))

DEPS = sh .ci/deps
deps:
	$(Q)$(DEPS) $(DEPS_SETS)

deps-check: deps

$(B)/%.o: %.c | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# -fno-plt, where the compiler has it: liberrcat's calls into libc go
# through the GOT, bound when the program starts, so the first use of a
# locale does not pay for binding open, pread and the rest lazily.
NO_PLT := $(shell $(CC) -fno-plt -Werror -E -x c /dev/null >/dev/null 2>&1 \
	&& echo -fno-plt)
$(LIB_OBJ): ALL_CFLAGS += -fvisibility=hidden $(NO_PLT)

# The schema is compiled into errcat-gen: it never looks for it at run time.
$(B)/schema_rng.c: catalog/errcat.xsd
	@mkdir -p $(@D)
	$(Q){ echo '/* catalog/errcat.xsd as a C string; generated by make. */'; \
	  echo 'const char errcat_gen_schema[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' $<; \
	  echo '    ;'; } > $@.tmp && mv $@.tmp $@

$(B)/schema_rng.o: $(B)/schema_rng.c | deps
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# errcat-gen links liberrcat: the docs pages read errcat's own domain and
# check translations as the runtime does.
$(B)/errcat-gen: $(GEN_OBJ) $(LIB_A) | deps
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(GEN_OBJ) $(LIB_A) $(GEN_LIBS) \
	  $(JSON_LIBS) -lpthread

$(B)/src/gen/main.o: ALL_CFLAGS += -DERRCAT_BUILD_LOCALEDIR='"$(abspath $(B)/locale)"'


# make regen: regenerate every catalog now (outputs are rewritten only
# when their bytes change).
regen: $(B)/errcat-gen
	$(Q)rm -f $(CATALOGS:%=$(ERRCAT_BUILDDIR)/%.gen.stamp)
	$(Q)$(MAKE) --no-print-directory \
	  $(CATALOGS:%=$(ERRCAT_BUILDDIR)/%.gen.stamp)

# The compiled-in locale directory: objects are rebuilt when it changes,
# so `make install PREFIX=/usr` installs a library that looks in /usr.
$(B)/localedir.txt: FORCE
	@mkdir -p $(B)
	@echo '$(LOCALEDIR) $(CATALOGDIR)' | cmp -s - $@ || \
	  echo '$(LOCALEDIR) $(CATALOGDIR)' > $@

$(LIB_OBJ) $(B)/inst/errcat $(B)/src/cli/sources.o: $(B)/localedir.txt

.PHONY: FORCE
FORCE:

$(LIB_A): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $(LIB_OBJ)

$(LIB_SO): $(LIB_OBJ) src/lib/liberrcat.sym | deps
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,liberrcat.so.$(SOVERSION) \
	  -Wl,--version-script=src/lib/liberrcat.sym -Wl,-z,defs \
	  -o $@ $(LIB_OBJ) $(JSON_LIBS) -lpthread
	$(Q)ln -sf liberrcat.so.$(SOVERSION) $(B)/liberrcat.so

# A catalog library exports its table object NAME_catalog alone.
$(B)/liberrcat-%.a: $(B)/generated/%.o
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $<

$(B)/liberrcat-%.so.$(SOVERSION): $(B)/generated/%.o src/lib/catalog.sym.in \
		| deps
	@$(if $(Q),echo "  LD      $@")
	$(Q)sed 's/@NAME@/$*/' src/lib/catalog.sym.in > $(B)/liberrcat-$*.sym
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -shared \
	  -Wl,-soname,liberrcat-$*.so.$(SOVERSION) \
	  -Wl,--version-script=$(B)/liberrcat-$*.sym -Wl,-z,defs -o $@ $<
	$(Q)ln -sf liberrcat-$*.so.$(SOVERSION) $(B)/liberrcat-$*.so

# The uninstalled CLI reads translations from build/locale; the installed
# one (build/inst/errcat) from $(LOCALEDIR), like a libtool wrapper.
# The CLI reads catalog XML through errcat-gen's own objects (-Isrc/gen);
# the uninstalled one reads compiled catalogs from $(B)/catalogs.
$(B)/errcat: $(CLI_OBJ) $(LIB_A) | deps
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB_A) $(JSON_LIBS) \
	  $(GEN_LIBS) -lpthread

$(B)/inst/errcat: $(CLI_SRC) $(GEN_C) $(GEN_LIBOBJ) $(LIB_A) | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc/gen -DERRCAT_INSTALLED $(LDFLAGS) -o $@ \
	  $(CLI_SRC) $(GEN_C) $(GEN_LIBOBJ) $(LIB_A) $(JSON_LIBS) $(GEN_LIBS) \
	  -lpthread

$(B)/src/cli/%.o: ALL_CFLAGS += -Isrc/gen \
	-DERRCAT_BUILD_LOCALEDIR='"$(abspath $(B)/locale)"' \
	-DERRCAT_BUILD_CATALOGDIR='"$(abspath $(B)/catalogs)"'

# pkg-config and CMake files name the installed directories.
SUBST = sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@BINDIR@|$(BINDIR)|g' \
	-e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	-e 's|@DATADIR@|$(DATADIR)|g' -e 's|@LOCALEDIR@|$(LOCALEDIR)|g' \
	-e 's|@CATALOGDIR@|$(CATALOGDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	-e 's|@SOVERSION@|$(SOVERSION)|g' -e 's|@CATALOGS@|$(CATALOGS)|g'

DIRS = $(PREFIX) $(BINDIR) $(LIBDIR) $(INCLUDEDIR) $(DATADIR) $(LOCALEDIR) \
	$(CATALOGDIR) $(VERSION) $(SOVERSION) $(CATALOGS)
$(B)/dirs.txt: FORCE
	@mkdir -p $(B)
	@echo '$(DIRS)' | cmp -s - $@ || echo '$(DIRS)' > $@

$(B)/errcat.pc: mk/errcat.pc.in $(B)/dirs.txt
	$(Q)$(SUBST) mk/errcat.pc.in > $@.tmp && mv $@.tmp $@

$(B)/errcat-%.pc: mk/errcat-catalog.pc.in $(B)/dirs.txt
	$(Q)$(SUBST) -e 's|@NAME@|$*|g' mk/errcat-catalog.pc.in > $@.tmp && \
	  mv $@.tmp $@

$(B)/errcat.mk: mk/errcat.mk $(B)/dirs.txt
	$(Q)$(SUBST) mk/errcat.mk > $@.tmp && mv $@.tmp $@

$(B)/cmake/%.cmake: mk/%.cmake.in $(B)/dirs.txt
	@mkdir -p $(@D)
	$(Q)$(SUBST) $< > $@.tmp && mv $@.tmp $@

$(B)/man/%: man/% $(B)/dirs.txt
	@mkdir -p $(@D)
	$(Q)$(SUBST) $< > $@.tmp && mv $@.tmp $@

# How complete each language is in each domain (tests/po-stats.sh), after
# the fragment's per-file lines.
po-stats:
	$(Q)sh tests/po-stats.sh

# Tests.
$(B)/tests/%: tests/unit/%.c $(GEN_LIBOBJ) $(LIB_A) | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc/gen $(LDFLAGS) -o $@ $< $(GEN_LIBOBJ) \
	  $(LIB_A) $(GEN_LIBS) $(JSON_LIBS) $(CMOCKA_LIBS) -lpthread

$(LIB_TESTS): $(B)/tests/%: tests/unit/%.c $(LIB_A) $(GEN_C:%.c=$(B)/%.o) $(MO) \
		$(COMPILED) | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -DERRCAT_BUILD_LOCALEDIR='"$(abspath $(B)/locale)"' \
	  -DERRCAT_BUILD_CATALOGDIR='"$(abspath $(B)/catalogs)"' \
	  -DERRCAT_TOP='"$(CURDIR)"' $(LDFLAGS) -o $@ $< \
	  $(GEN_C:%.c=$(B)/%.o) $(LIB_A) $(JSON_LIBS) $(CMOCKA_LIBS) -lpthread

# The tests may run make (tests/install.test.sh): `+` hands them the
# jobserver.
check: all deps-check $(GEN_TESTS) $(LIB_TESTS)
	+$(Q)B=$(B) CC="$(CC)" CXX="$(CXX)" MAKE="$(MAKE)" \
	  sh tests/run.sh $(GEN_TESTS) $(LIB_TESTS)

demo: all
	$(Q)sh tests/demo.sh $(B)/errcat

# Benchmarks against dgettext, com_err, xgettext and compile_et; never
# part of check. Writes $(B)/bench.json; the README's Performance section.
bench: all
	$(Q)B=$(B) CC="$(CC)" sh bench/run.sh

# The ABI of the shared libraries against the committed baseline in abi/
# (abidiff, from abigail-tools): any change, an addition too, fails
# `make check` until `make abi-update` records it on purpose.
ABI_LIBS = liberrcat $(CATALOGS:%=liberrcat-%)
ABIDW = abidw --no-corpus-path --no-comp-dir-path --no-show-locs \
	--headers-dir src/include/errcat

abi-check: $(LIB_SO) $(CAT_SO) | deps
	$(Q)B=$(B) sh tests/abi.test.sh

abi-update: $(LIB_SO) $(CAT_SO) | deps
	$(Q)mkdir -p abi && for l in $(ABI_LIBS); do \
	  $(ABIDW) $(B)/$$l.so.$(SOVERSION) > abi/$$l.abi.tmp && \
	  mv abi/$$l.abi.tmp abi/$$l.abi && echo "  ABIDW   abi/$$l.abi" || \
	  exit 1; done

# Installation. Every directory install creates is recorded in
# $(DATADIR)/errcat/install-dirs, and uninstall removes the files, then
# those directories (when empty), and nothing else. A part of the tree
# with files of its own adds targets to INSTALL_HOOKS and UNINSTALL_HOOKS
# (run in order by install and uninstall) and makes its directories with
# $(ERRCAT_INSTALL_DIR).
INSTALL_HOOKS = install-errcat
UNINSTALL_HOOKS = uninstall-errcat
INSTALLED = $(BINDIR)/errcat $(BINDIR)/errcat-gen \
	$(LIBDIR)/liberrcat.a $(LIBDIR)/liberrcat.so \
	$(LIBDIR)/liberrcat.so.$(SOVERSION) \
	$(CATALOGS:%=$(LIBDIR)/liberrcat-%.a) \
	$(CATALOGS:%=$(LIBDIR)/liberrcat-%.so) \
	$(CATALOGS:%=$(LIBDIR)/liberrcat-%.so.$(SOVERSION)) \
	$(LIB_HDR:src/lib/%=$(INCLUDEDIR)/errcat/%) \
	$(CATALOGS:%=$(INCLUDEDIR)/errcat/%.h) \
	$(PKGCONFIGDIR)/errcat.pc $(CATALOGS:%=$(PKGCONFIGDIR)/errcat-%.pc) \
	$(addprefix $(CMAKEDIR)/,$(notdir $(CMAKE_FILES))) \
	$(DATADIR)/errcat/errcat.xsd $(DATADIR)/errcat/errcat.mk \
	$(MANDIR)/man1/errcat.1 $(MANDIR)/man1/errcat-gen.1 \
	$(MANDIR)/man3/errcat.3 $(MANDIR)/man5/errcat-catalog.5
DIR_RECORD = $(DESTDIR)$(DATADIR)/errcat/install-dirs

install: all $(B)/inst/errcat
	$(Q)rm -f $(B)/install-dirs; \
	  if [ -f $(DIR_RECORD) ]; then cp $(DIR_RECORD) $(B)/install-dirs; fi
	$(Q)$(ERRCAT_INSTALL_DIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
	  $(DESTDIR)$(INCLUDEDIR)/errcat $(DESTDIR)$(PKGCONFIGDIR) \
	  $(DESTDIR)$(CMAKEDIR) $(DESTDIR)$(DATADIR)/errcat \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
	  $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(B)/inst/errcat $(DESTDIR)$(BINDIR)/errcat
	install -m 755 $(B)/errcat-gen $(DESTDIR)$(BINDIR)/errcat-gen
	install -m 644 $(LIB_A) $(CAT_A) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIB_SO) $(CAT_SO) $(DESTDIR)$(LIBDIR)/
	for l in liberrcat $(CATALOGS:%=liberrcat-%); do \
	  ln -sf $$l.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/$$l.so || exit 1; done
	install -m 644 $(LIB_HDR) $(GEN_H) $(DESTDIR)$(INCLUDEDIR)/errcat/
	install -m 644 $(PC) $(DESTDIR)$(PKGCONFIGDIR)/
	install -m 644 $(CMAKE_FILES) $(DESTDIR)$(CMAKEDIR)/
	install -m 644 catalog/errcat.xsd $(B)/errcat.mk $(DESTDIR)$(DATADIR)/errcat/
	install -m 644 $(B)/man/errcat.1 $(B)/man/errcat-gen.1 \
	  $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(B)/man/errcat.3 $(DESTDIR)$(MANDIR)/man3/
	install -m 644 $(B)/man/errcat-catalog.5 $(DESTDIR)$(MANDIR)/man5/
	$(Q)$(MAKE) --no-print-directory $(INSTALL_HOOKS)
	$(Q)sort -u $(B)/install-dirs > $(DIR_RECORD)
	$(Q)DESTDIR='$(DESTDIR)' sh mk/ldconfig.sh $(LIBDIR)

uninstall: $(foreach c,$(CATALOGS),$($(c)_ERRCAT_STAMP))
	$(Q)$(MAKE) --no-print-directory $(UNINSTALL_HOOKS)
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	$(Q)if [ -f $(DIR_RECORD) ]; then \
	  sort -r $(DIR_RECORD) > $(B)/install-dirs.rm && rm -f $(DIR_RECORD) && \
	  while IFS= read -r d; do rmdir "$(DESTDIR)$$d" 2>/dev/null; done \
	    < $(B)/install-dirs.rm; fi; true
	$(Q)DESTDIR='$(DESTDIR)' sh mk/ldconfig.sh $(LIBDIR) uninstall

# make install into /usr/local as root, in a private mount namespace
# (tests/system-install.sh): ldconfig, pkg-config, man, uninstall.
check-system-install:
	+$(Q)$(MAKE) --no-print-directory B=$(B)/sys all
	+$(Q)B=$(B)/sys MAKE="$(MAKE)" sh tests/system-install.sh

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' -type f 2>/dev/null)

# --- fuzz, sanitizers, valgrind ---
# Hostile input and load (tests/fuzz/README): libFuzzer targets; the whole
# check suite under ASan+UBSan and the thread tests under TSan, each in a
# build directory of its own; valgrind over errcat-gen and the CLI; the
# 200 MB catalog. make check itself replays the fuzz corpora and every
# crash input kept (tests/fuzz-replay.test.sh) and runs a short stress.

FUZZ_SECONDS = 30
FUZZ_CC = clang
FUZZ_B = $(B)/fuzz
# the import targets: one per table format (tests/fuzz/fuzz_import.c)
FUZZ_IMPORT_TARGETS = import_md import_html import_rst import_csv
FUZZ_TARGETS = catalog format accept match mo compiled $(FUZZ_IMPORT_TARGETS)
FUZZ_LIB_TARGETS = $(filter-out catalog $(FUZZ_IMPORT_TARGETS),$(FUZZ_TARGETS))
FUZZ_CFLAGS = $(STD) -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Isrc/include -Isrc/lib -Isrc/gen -Igenerated $(XML_CFLAGS)
# A 10 s timeout turns a hang into a finding; errcat-gen's diagnostics
# are noise to libFuzzer (-close_fd_mask=2 keeps its own report).
FUZZ_OPTS = -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(B)/tests/replay_%)
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
TSAN_FLAGS = -fsanitize=thread
# lookups per thread and locale in make stress and make tsan; make check
# runs the test's own 100,000 (about 4 s)
STRESS_LOOKUPS = 1000000
TSAN_STRESS_LOOKUPS = 1000000

.PHONY: deps-fuzz stress check-big tsan-tests

deps-fuzz: deps

$(FUZZ_B)/fuzz_catalog: tests/fuzz/fuzz_catalog.c $(GEN_SRC) \
		$(wildcard src/gen/*.h) $(B)/schema_rng.c | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZCC  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -DERRCAT_LOCALEDIR='"$(LOCALEDIR)"' -o $@ $< \
	  $(filter-out src/gen/main.c,$(GEN_SRC)) \
	  $(filter-out $(GEN_SRC),$(LIB_SRC)) $(B)/schema_rng.c $(GEN_LIBS) \
	  $(JSON_LIBS) -lpthread

$(FUZZ_LIB_TARGETS:%=$(FUZZ_B)/fuzz_%): $(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c \
		$(LIB_SRC) $(wildcard src/lib/*.h) $(GEN_C) $(GEN_H) | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZCC  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -DERRCAT_LOCALEDIR='"$(LOCALEDIR)"' \
	  -DFUZZ_LOCALEDIR='"$(abspath $(B)/locale)"' -o $@ $< $(LIB_SRC) \
	  $(GEN_C) $(JSON_LIBS) -lpthread

# Each target in turn for FUZZ_SECONDS, from its seeds (tests/fuzz/corpus),
# the crash inputs kept (tests/fuzz/regress) and, for mo, the built .mo
# files; what it learns stays in $(FUZZ_B)/corpus, crashes in
# $(FUZZ_B)/crashes. Fails on the first crash, leak or timeout.
fuzz: deps-fuzz $(FUZZ_TARGETS:%=$(FUZZ_B)/fuzz_%) $(MO) $(COMPILED)
	$(Q)for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_B)/corpus/$$t $(FUZZ_B)/crashes || exit 1; \
	  set -- $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_B)/crashes/$$t-; \
	  [ ! -f tests/fuzz/$$t.dict ] || set -- "$$@" -dict=tests/fuzz/$$t.dict; \
	  case $$t in catalog|import_*) set -- "$$@" -close_fd_mask=2;; esac; \
	  set -- "$$@" $(FUZZ_B)/corpus/$$t tests/fuzz/corpus/$$t; \
	  [ ! -d tests/fuzz/regress/$$t ] || set -- "$$@" tests/fuzz/regress/$$t; \
	  [ $$t != mo ] || set -- "$$@" $(B)/locale/*/LC_MESSAGES; \
	  [ $$t != compiled ] || set -- "$$@" $(B)/catalogs; \
	  echo "  FUZZ    $$t, $(FUZZ_SECONDS) s"; \
	  if $(FUZZ_B)/fuzz_$$t "$$@" > $(FUZZ_B)/$$t.log 2>&1; then \
	    grep -ah '^#[0-9].*DONE\|number_of_executed_units' $(FUZZ_B)/$$t.log \
	      | sed 's/^/          /'; \
	  else \
	    tail -n 60 $(FUZZ_B)/$$t.log; \
	    echo "fuzz: $$t failed: input in $(FUZZ_B)/crashes/, log $(FUZZ_B)/$$t.log"; \
	    exit 1; \
	  fi; \
	done

# The fuzz targets without libFuzzer, replaying corpora in make check.
$(B)/tests/replay_catalog: tests/fuzz/fuzz_catalog.c tests/fuzz/replay.c \
		$(GEN_LIBOBJ) $(LIB_A) | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc/gen $(LDFLAGS) -o $@ $< tests/fuzz/replay.c \
	  $(GEN_LIBOBJ) $(LIB_A) $(GEN_LIBS) $(JSON_LIBS) -lpthread

$(FUZZ_LIB_TARGETS:%=$(B)/tests/replay_%): $(B)/tests/replay_%: \
		tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB_A) \
		$(GEN_C:%.c=$(B)/%.o) | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -DFUZZ_LOCALEDIR='"$(abspath $(B)/locale)"' \
	  $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(GEN_C:%.c=$(B)/%.o) \
	  $(LIB_A) $(JSON_LIBS) -lpthread

check: $(FUZZ_REPLAY)

# --- errcat-gen import: one fuzz target per table format ---
# tests/fuzz/fuzz_import.c built once per format (import_csv reads each
# input as CSV and as TSV); seeds in tests/fuzz/corpus/import_FORMAT.
$(FUZZ_IMPORT_TARGETS:%=$(FUZZ_B)/fuzz_%): $(FUZZ_B)/fuzz_import_%: \
		tests/fuzz/fuzz_import.c $(GEN_SRC) $(wildcard src/gen/*.h) \
		$(B)/schema_rng.c | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZCC  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -DFUZZ_FORMAT='"$*"' \
	  -DERRCAT_LOCALEDIR='"$(LOCALEDIR)"' -o $@ $< \
	  $(filter-out src/gen/main.c,$(GEN_SRC)) \
	  $(filter-out $(GEN_SRC),$(LIB_SRC)) $(B)/schema_rng.c $(GEN_LIBS) \
	  $(JSON_LIBS) -lpthread

$(FUZZ_IMPORT_TARGETS:%=$(B)/tests/replay_%): $(B)/tests/replay_import_%: \
		tests/fuzz/fuzz_import.c tests/fuzz/replay.c $(GEN_LIBOBJ) $(LIB_A) \
		| deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc/gen -DFUZZ_FORMAT='"$*"' $(LDFLAGS) -o $@ \
	  $< tests/fuzz/replay.c $(GEN_LIBOBJ) $(LIB_A) $(GEN_LIBS) \
	  $(JSON_LIBS) -lpthread

# The check suite rebuilt with ASan+UBSan in $(B)/asan: any report fails.
sanitize:
	$(Q)ASAN_OPTIONS=detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1 ERRCAT_SANITIZE=address \
	  $(MAKE) --no-print-directory B=$(B)/asan \
	  CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" check

# Every runtime test binary under TSan in $(B)/tsan (the stress test at
# TSAN_STRESS_LOOKUPS); any report fails.
tsan:
	$(Q)$(MAKE) --no-print-directory B=$(B)/tsan \
	  CFLAGS="-O1 -g $(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" tsan-tests
	$(Q)TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
	  ERRCAT_SANITIZE=thread ERRCAT_STRESS_LOOKUPS=$(TSAN_STRESS_LOOKUPS) \
	  B=$(B)/tsan sh tests/tsan.sh $(patsubst $(B)/%,$(B)/tsan/%,$(LIB_TESTS))

tsan-tests: $(LIB_TESTS)

# The stress test at the issue's full size: 8 threads x 4 locales x 1M.
stress: $(B)/tests/test_stress
	$(Q)ERRCAT_STRESS_LOOKUPS=$(STRESS_LOOKUPS) $(B)/tests/test_stress

valgrind: all $(FUZZ_REPLAY)
	$(Q)B=$(B) sh tests/valgrind.sh

# A 200 MB catalog is refused at once, a 100 MB one loads in bounded time
# and memory; not part of check (it writes 400 MB to $(B)).
check-big: $(B)/errcat-gen
	$(Q)B=$(B) sh tests/big.sh

# --- errcat's own text domain: po/errcat/ ---
# The labels, usage and messages of the tools and the runtime's texts for
# unknown entries are messages of the gettext domain "errcat", marked _()
# and N_() in the C sources. po/errcat/errcat.pot is made by xgettext
# (committed, and checked fresh by make check); po/errcat/LL.po for each
# language of po/errcat/LINGUAS compiles into LOCALEDIR/LL/LC_MESSAGES/
# errcat.mo, read by liberrcat's errcat_tr.
ERRCAT_POT_SRC = $(sort $(wildcard src/cli/*.c src/lib/*.c src/gen/emit_docs*.c))
ERRCAT_LINGUAS := $(shell sed -e 's/\#.*//' po/errcat/LINGUAS 2>/dev/null)
ERRCAT_MO = $(ERRCAT_LINGUAS:%=$(B)/locale/%/LC_MESSAGES/errcat.mo)
# xgettext stamps the date it ran; the template's date is fixed so that it
# is reproducible, as errcat-gen's are. References name files, not lines,
# so that editing code around a message does not make the template stale.
# The project has no bug address; xgettext's warning about that is dropped.
XGETTEXT_ERRCAT = xgettext --language=C --from-code=UTF-8 -k_ -kN_ \
	--add-comments=TRANSLATORS: --add-location=file --package-name=errcat \
	--msgid-bugs-address= --copyright-holder='the errcat authors'

.PHONY: pot-errcat update-po-errcat install-errcat-mo uninstall-errcat-mo

all: $(ERRCAT_MO)

$(B)/errcat.pot: $(ERRCAT_POT_SRC)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  XGETTEXT $@")
	$(Q)$(XGETTEXT_ERRCAT) -o $@.tmp $(ERRCAT_POT_SRC) 2> $@.log; st=$$?; \
	  grep -v -e 'msgid-bugs-address' -e 'MSGID_BUGS_ADDRESS' -e Makevars \
	    -e 'specify an --msgid' $@.log >&2; rm -f $@.log; [ $$st -eq 0 ] && \
	  sed -e '1s/.*/# Translation template of errcat'"'"'s own texts (domain errcat)./' \
	    -e 's/^"POT-Creation-Date: .*"$$/"POT-Creation-Date: 1970-01-01 00:00+0000\\n"/' \
	    -e 's/charset=CHARSET/charset=UTF-8/' $@.tmp > $@ && rm -f $@.tmp

# Copies the fresh template into po/errcat/ when its bytes changed.
pot-errcat: $(B)/errcat.pot
	$(Q)cmp -s $< po/errcat/errcat.pot || cp $< po/errcat/errcat.pot

regen: pot-errcat

update-po-errcat: pot-errcat
	$(Q)for l in $(ERRCAT_LINGUAS); do \
	  echo "  MSGMERGE po/errcat/$$l.po"; \
	  msgmerge -q --previous --update --backup=none po/errcat/$$l.po \
	    po/errcat/errcat.pot || exit 1; \
	done

update-po: update-po-errcat

$(B)/locale/%/LC_MESSAGES/errcat.mo: po/errcat/%.po
	@mkdir -p $(@D)
	@$(if $(Q),echo "  MSGFMT  $<")
	$(Q)msgfmt -c -o $@.tmp $< && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

$(LIB_TESTS): $(ERRCAT_MO)
check: $(B)/errcat.pot

INSTALL_HOOKS += install-errcat-mo
install-errcat-mo: $(ERRCAT_MO)
	for l in $(ERRCAT_LINGUAS); do \
	  $(ERRCAT_INSTALL_DIR) $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(B)/locale/$$l/LC_MESSAGES/errcat.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/errcat.mo || exit 1; done

UNINSTALL_HOOKS += uninstall-errcat-mo
uninstall-errcat-mo:
	for l in $(ERRCAT_LINGUAS); do \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/errcat.mo; done

# --- peer suites: errcat against GNU gettext, Python's gettext, webob,
# babel and an RFC 4647 lookup (tests/peer/); one driver process answers
# all of a suite's queries.
PEER_DRIVER = $(B)/tests/errcat_peer

$(PEER_DRIVER): tests/peer/errcat_peer.c $(LIB_A) $(GEN_C:%.c=$(B)/%.o) \
		$(MO) $(ERRCAT_MO)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(GEN_C:%.c=$(B)/%.o) \
	  $(LIB_A) $(JSON_LIBS) -lpthread

check: $(PEER_DRIVER)

# Translations: make po-check runs alone what make check runs among its
# tests (tests/po-check.test.sh: completeness, staleness, msgfmt -c,
# pofilter, i18nspector, glossaries, README current); make po-readme
# rewrites the README's list of languages from make po-stats.
.PHONY: po-check po-readme

po-check:
	$(Q)B=$(B) sh tests/po-check.test.sh

po-readme:
	$(Q)sh tests/po-stats.sh --readme README.md
