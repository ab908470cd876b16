# errcat.mk - GNU make rules for errcat catalogs: generate a catalog's C
# header, C tables and .pot with errcat-gen, compile its translations with
# msgfmt -c, install them, and run the translator's workflow.
#
# Installed as $(pkg-config --variable=makefile errcat); errcat's own
# Makefile builds catalog/csbs.xml with this very file. Use:
#
#   include $(shell pkg-config --variable=makefile errcat)
#   $(eval $(call errcat_catalog,app,catalog/app.xml,po))
#
# errcat_catalog takes NAME (the catalog's name attribute: errcat-gen
# writes NAME.h and NAME.c), the catalog file, the directory of its
# translations (LINGUAS and LL.po; may be empty), and optionally the
# directory for NAME.h and NAME.c and the one for the .pot (both default to
# $(ERRCAT_BUILDDIR)/NAME). It defines NAME_ERRCAT_C, NAME_ERRCAT_H,
# NAME_ERRCAT_POT, NAME_ERRCAT_MO (a stamp: the .mo files are built),
# NAME_ERRCAT_COMPILED (the compiled catalog NAME.errcat, which
# install-errcat-NAME puts where the errcat command reads catalogs) and
# the targets errcat-NAME, install-errcat-NAME, uninstall-errcat-NAME,
# update-po-NAME, new-po-NAME (LANG=xx), po-stats-NAME; and errcat-mo,
# install-errcat, uninstall-errcat, update-po, new-po and po-stats over
# every catalog. The numbering record CATALOG.numbers is created beside
# the catalog by the first generation: commit it with the catalog.

# Tools; set ERRCAT_GEN_DEP to a file errcat-gen is built as, if it is.
ERRCAT_GEN ?= @BINDIR@/errcat-gen
ERRCAT_GEN_DEP ?=
ERRCAT_MSGFMT ?= msgfmt
ERRCAT_MSGMERGE ?= msgmerge
ERRCAT_MSGINIT ?= msginit
# Stamps, the .pot as generated, the catalog's domain; the build's locale
# tree LL/LC_MESSAGES/DOMAIN.mo.
ERRCAT_BUILDDIR ?= build/errcat
ERRCAT_LOCALE_BUILD ?= $(ERRCAT_BUILDDIR)/locale
# Where install-errcat puts .mo files and catalogs (the installed errcat
# command reads catalogs from @CATALOGDIR@); honours DESTDIR.
ERRCAT_LOCALEDIR ?= $(if $(LOCALEDIR),$(LOCALEDIR),@LOCALEDIR@)
ERRCAT_CATALOGDIR ?= $(if $(DATADIR),$(DATADIR)/errcat/catalogs,@CATALOGDIR@)
ERRCAT_INSTALL_DIR ?= install -d
ERRCAT_INSTALL_DATA ?= install -m 644
ERRCAT_Q ?= $(if $(filter 1,$(V)),,@)

errcat_langs = $(if $(1),$(shell sed -e 's/\#.*//' $(1)/LINGUAS 2>/dev/null))

# $(call errcat_catalog,NAME,CATALOG.xml,PO_DIR[,GEN_DIR[,POT_DIR]])
define errcat_catalog
ERRCAT_CATALOGS += $(1)
$(1)_ERRCAT_XML := $(2)
$(1)_ERRCAT_PO_DIR := $(3)
$(1)_ERRCAT_GEN_DIR := $(if $(4),$(4),$$(ERRCAT_BUILDDIR)/$(1))
$(1)_ERRCAT_POT_DIR := $(if $(5),$(5),$$($(1)_ERRCAT_GEN_DIR))
$(1)_ERRCAT_LANGUAGES ?= $$(call errcat_langs,$(3))
$(1)_ERRCAT_C := $$($(1)_ERRCAT_GEN_DIR)/$(1).c
$(1)_ERRCAT_H := $$($(1)_ERRCAT_GEN_DIR)/$(1).h
$(1)_ERRCAT_STAMP := $$(ERRCAT_BUILDDIR)/$(1).gen.stamp
$(1)_ERRCAT_DOMAIN_FILE := $$(ERRCAT_BUILDDIR)/$(1).domain
$(1)_ERRCAT_MO := $$(ERRCAT_BUILDDIR)/$(1).mo.stamp
$(1)_ERRCAT_COMPILED := $$(ERRCAT_BUILDDIR)/$(1).errcat
$(1)_ERRCAT_POT = $$($(1)_ERRCAT_POT_DIR)/$$(shell cat \
	$$($(1)_ERRCAT_DOMAIN_FILE) 2>/dev/null).pot

.PHONY: errcat-$(1) install-errcat-$(1) uninstall-errcat-$(1) \
	update-po-$(1) new-po-$(1) po-stats-$(1)
errcat-$(1): $$($(1)_ERRCAT_STAMP) $$($(1)_ERRCAT_MO)
errcat-mo: $$($(1)_ERRCAT_MO)
install-errcat: install-errcat-$(1)
uninstall-errcat: uninstall-errcat-$(1)
update-po: update-po-$(1)
new-po: new-po-$(1)
po-stats: po-stats-$(1)

# errcat-gen rewrites an output only when its bytes change; the .pot is
# written beside the stamps first, where it is alone, which names the
# domain, then copied to POT_DIR when it differs.
$$($(1)_ERRCAT_STAMP): $(2) $$(wildcard $(basename $(2)).numbers) \
		$$(ERRCAT_GEN_DEP)
	@mkdir -p $$(ERRCAT_BUILDDIR)/$(1).potdir $$($(1)_ERRCAT_GEN_DIR)
	@$$(if $$(ERRCAT_Q),echo "  GEN     $(2)")
	$$(ERRCAT_Q)$$(ERRCAT_GEN) generate -o $$($(1)_ERRCAT_GEN_DIR) \
	  --pot-dir $$(ERRCAT_BUILDDIR)/$(1).potdir \
	  --compiled $$(ERRCAT_BUILDDIR) $(2)
	$$(ERRCAT_Q)test -f $$($(1)_ERRCAT_C) || { echo "$(2): catalog name is \
	not '$(1)': errcat-gen wrote no $$($(1)_ERRCAT_C)" >&2; exit 1; }; \
	set -- $$(ERRCAT_BUILDDIR)/$(1).potdir/*.pot; \
	test $$$$# = 1 -a -f "$$$$1" || { echo "$(2): no single .pot" >&2; exit 1; }; \
	mkdir -p $$($(1)_ERRCAT_POT_DIR); \
	pot=$$($(1)_ERRCAT_POT_DIR)/$$$${1##*/}; \
	cmp -s "$$$$1" "$$$$pot" || cp "$$$$1" "$$$$pot"; \
	d=$$$${1##*/}; echo "$$$${d%.pot}" > $$($(1)_ERRCAT_DOMAIN_FILE).tmp; \
	cmp -s $$($(1)_ERRCAT_DOMAIN_FILE).tmp $$($(1)_ERRCAT_DOMAIN_FILE) && \
	  rm -f $$($(1)_ERRCAT_DOMAIN_FILE).tmp || \
	  mv $$($(1)_ERRCAT_DOMAIN_FILE).tmp $$($(1)_ERRCAT_DOMAIN_FILE); \
	touch $$@

$$($(1)_ERRCAT_C) $$($(1)_ERRCAT_H) $$($(1)_ERRCAT_COMPILED): \
		$$($(1)_ERRCAT_STAMP)

# msgfmt writes a .mo even when -c finds errors: it writes a temp file,
# renamed only when msgfmt succeeded; on an error no .mo of that language
# is left, not even an older one.
$$($(1)_ERRCAT_MO): $$($(1)_ERRCAT_STAMP) $$(wildcard $(3)/LINGUAS) \
		$$(foreach l,$$($(1)_ERRCAT_LANGUAGES),$(3)/$$(l).po)
	$$(ERRCAT_Q)d=$$$$(cat $$($(1)_ERRCAT_DOMAIN_FILE)) || exit 1; \
	for l in $$($(1)_ERRCAT_LANGUAGES); do \
	  mo=$$(ERRCAT_LOCALE_BUILD)/$$$$l/LC_MESSAGES/$$$$d.mo; \
	  $$(if $$(ERRCAT_Q),echo "  MSGFMT  $(3)/$$$$l.po";) \
	  mkdir -p $$$${mo%/*} && \
	  $$(ERRCAT_MSGFMT) -c -o $$$$mo.tmp $(3)/$$$$l.po && \
	  mv $$$$mo.tmp $$$$mo || { rm -f $$$$mo.tmp $$$$mo; exit 1; }; \
	done
	$$(ERRCAT_Q)touch $$@

install-errcat-$(1): $$($(1)_ERRCAT_MO)
	$$(ERRCAT_Q)d=$$$$(cat $$($(1)_ERRCAT_DOMAIN_FILE)) || exit 1; \
	$$(ERRCAT_INSTALL_DIR) $$(DESTDIR)$$(ERRCAT_CATALOGDIR) && \
	$$(ERRCAT_INSTALL_DATA) $$($(1)_ERRCAT_COMPILED) \
	  $$(DESTDIR)$$(ERRCAT_CATALOGDIR)/$(1).errcat && \
	for l in $$($(1)_ERRCAT_LANGUAGES); do \
	  $$(ERRCAT_INSTALL_DIR) $$(DESTDIR)$$(ERRCAT_LOCALEDIR)/$$$$l/LC_MESSAGES && \
	  $$(ERRCAT_INSTALL_DATA) $$(ERRCAT_LOCALE_BUILD)/$$$$l/LC_MESSAGES/$$$$d.mo \
	    $$(DESTDIR)$$(ERRCAT_LOCALEDIR)/$$$$l/LC_MESSAGES/$$$$d.mo || exit 1; \
	done

uninstall-errcat-$(1):
	$$(ERRCAT_Q)d=$$$$(cat $$($(1)_ERRCAT_DOMAIN_FILE) 2>/dev/null) || \
	  { echo "uninstall-errcat-$(1): run make first: the domain is unknown" >&2; \
	    exit 1; }; \
	rm -f $$(DESTDIR)$$(ERRCAT_CATALOGDIR)/$(1).errcat; \
	for l in $$($(1)_ERRCAT_LANGUAGES); do \
	  rm -f $$(DESTDIR)$$(ERRCAT_LOCALEDIR)/$$$$l/LC_MESSAGES/$$$$d.mo; \
	done

# Translators: merge the .pot into every LL.po, keeping the previous
# msgid of fuzzy entries; new-po LANG=xx starts LL.po and lists it in
# LINGUAS; po-stats counts translated, fuzzy and untranslated texts.
update-po-$(1): $$($(1)_ERRCAT_STAMP)
	$$(ERRCAT_Q)for l in $$($(1)_ERRCAT_LANGUAGES); do \
	  echo "  MSGMERGE $(3)/$$$$l.po"; \
	  $$(ERRCAT_MSGMERGE) -q --previous --update --backup=none \
	    $(3)/$$$$l.po $$($(1)_ERRCAT_POT) || exit 1; \
	done

# LANG must come from the command line, not from the environment, where
# it names the user's own locale.
new-po-$(1): $$($(1)_ERRCAT_STAMP)
	@test "$$(origin LANG)" = "command line" || \
	  { echo "usage: make new-po LANG=xx"; exit 2; }
	$$(ERRCAT_Q)case "$$(LANG)" in *[!A-Za-z_@]*|"") \
	  echo "bad language '$$(LANG)'"; exit 2;; esac; \
	  test -n "$(3)" || { echo "catalog $(1) has no PO_DIR"; exit 2; }; \
	  test ! -e $(3)/$$(LANG).po || { echo "$(3)/$$(LANG).po exists"; exit 1; }; \
	  $$(ERRCAT_MSGINIT) --no-translator -l $$(LANG) \
	    -i $$($(1)_ERRCAT_POT) -o $(3)/$$(LANG).po && \
	  { test -f $(3)/LINGUAS || \
	    echo "# Languages of catalog $(1)'s translations" > $(3)/LINGUAS; } && \
	  { sed -n '/^#/p' $(3)/LINGUAS; \
	    { sed '/^#/d' $(3)/LINGUAS; echo $$(LANG); } | sort -u; } \
	    > $(3)/LINGUAS.tmp && mv $(3)/LINGUAS.tmp $(3)/LINGUAS

po-stats-$(1):
	$$(ERRCAT_Q)for l in $$($(1)_ERRCAT_LANGUAGES); do \
	  printf '%s: ' $(3)/$$$$l.po; \
	  $$(ERRCAT_MSGFMT) --statistics -o /dev/null $(3)/$$$$l.po 2>&1; done
endef

.PHONY: errcat-mo install-errcat uninstall-errcat update-po new-po po-stats
