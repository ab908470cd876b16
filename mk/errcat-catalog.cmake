# errcat-catalog.cmake - errcat_add_catalog(), the CMake twin of the make
# rules in errcat.mk; included by errcatConfig.cmake.
#
#   errcat_add_catalog(<target> CATALOG <file.xml> [PO_DIR <dir>]
#                      [LANGUAGES <ll>...] [NAME <name>])
#
# At build time errcat-gen writes NAME.h, NAME.c and DOMAIN.pot into
# ${CMAKE_CURRENT_BINARY_DIR}/errcat/NAME (NAME defaults to the file's base
# name and must be the catalog's name attribute); NAME.c is added to
# <target> and the directory of NAME.h to its include path. PO_DIR/LL.po,
# for each language of LANGUAGES (default: PO_DIR/LINGUAS), is compiled
# with msgfmt -c into the build's locale tree ${ERRCAT_LOCALE_BUILD_DIR}
# (LL/LC_MESSAGES/DOMAIN.mo); an error fails the build and leaves no .mo.
# `install` puts the .mo files into CMAKE_INSTALL_LOCALEDIR and the
# compiled catalog NAME.errcat into ERRCAT_CATALOG_INSTALL_DIR. Targets: update-po-NAME
# (msgmerge --previous), new-po-NAME (NEW_PO_LANG=xx in the environment;
# msginit, and LINGUAS), po-stats-NAME; update-po, new-po and po-stats run
# them for every catalog. The numbering record NAME.numbers is created
# beside the catalog by the first build: commit it with the catalog.
include_guard(GLOBAL)
include(GNUInstallDirs)

find_program(ERRCAT_MSGFMT msgfmt)
find_program(ERRCAT_MSGMERGE msgmerge)
find_program(ERRCAT_MSGINIT msginit)
set(ERRCAT_LOCALE_BUILD_DIR "${CMAKE_BINARY_DIR}/locale" CACHE PATH
    "The build's locale tree: LL/LC_MESSAGES/DOMAIN.mo")
# The installed errcat command reads ERRCAT_CATALOGDIR; this is the same
# directory when the project's prefix is errcat's.
set(ERRCAT_CATALOG_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/errcat/catalogs"
    CACHE STRING "Where install puts catalogs for the errcat command")
set(_ERRCAT_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(_errcat_umbrella name)
    if(NOT TARGET ${name})
        add_custom_target(${name})
    endif()
    add_dependencies(${name} ${ARGN})
endfunction()

function(errcat_add_catalog target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "CATALOG;PO_DIR;NAME"
                          "LANGUAGES")
    if(NOT arg_CATALOG)
        message(FATAL_ERROR "errcat_add_catalog(${target}): CATALOG missing")
    endif()
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "errcat_add_catalog(${target}): unknown "
                "arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    get_filename_component(xml "${arg_CATALOG}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(xml_dir "${xml}" DIRECTORY)
    get_filename_component(base "${xml}" NAME_WE)
    set(name "${base}")
    if(arg_NAME)
        set(name "${arg_NAME}")
    endif()
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/errcat/${name}")
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${xml}")
    set(record "${xml_dir}/${base}.numbers")
    set(deps "${xml}" errcat::gen)
    if(EXISTS "${record}")
        list(APPEND deps "${record}")
    endif()
    add_custom_command(
        OUTPUT "${dir}/${name}.c" "${dir}/${name}.h" "${dir}/${name}.errcat"
               "${dir}/domain"
        COMMAND "${CMAKE_COMMAND}" "-DERRCAT_GEN=$<TARGET_FILE:errcat::gen>"
                "-DCATALOG=${rel}" "-DNAME=${name}" "-DDIR=${dir}"
                -P "${_ERRCAT_CMAKE_DIR}/errcat-generate.cmake"
        DEPENDS ${deps}
        WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
        COMMENT "errcat-gen ${rel}"
        VERBATIM)
    target_sources(${target} PRIVATE "${dir}/${name}.c" "${dir}/${name}.h")
    target_include_directories(${target} PRIVATE "${dir}"
        $<TARGET_PROPERTY:errcat::errcat,INTERFACE_INCLUDE_DIRECTORIES>)
    # the compiled catalog, which the installed errcat command reads
    install(FILES "${dir}/${name}.errcat"
            DESTINATION "${ERRCAT_CATALOG_INSTALL_DIR}")

    set(langs ${arg_LANGUAGES})
    if(arg_PO_DIR)
        get_filename_component(po "${arg_PO_DIR}" ABSOLUTE
                               BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        if(NOT arg_LANGUAGES AND EXISTS "${po}/LINGUAS")
            file(STRINGS "${po}/LINGUAS" lines)
            foreach(l IN LISTS lines)
                string(REGEX REPLACE "#.*" "" l "${l}")
                string(REGEX MATCHALL "[^ \t]+" words "${l}")
                list(APPEND langs ${words})
            endforeach()
            set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                         "${po}/LINGUAS")
        endif()
    elseif(langs)
        message(FATAL_ERROR "errcat_add_catalog(${target}): LANGUAGES "
                "needs PO_DIR")
    endif()
    if(arg_PO_DIR)
        set(pofiles "")
        foreach(l IN LISTS langs)
            list(APPEND pofiles "${po}/${l}.po")
        endforeach()
        string(REPLACE ";" "," langs_arg "${langs}")
        set(common "-DDOMAIN_FILE=${dir}/domain" "-DPO_DIR=${po}"
            "-DLANGUAGES=${langs_arg}" "-DPOT_DIR=${dir}/pot")
        add_custom_command(
            OUTPUT "${dir}/mo.stamp"
            COMMAND "${CMAKE_COMMAND}" ${common} "-DMSGFMT=${ERRCAT_MSGFMT}"
                    "-DLOCALE_DIR=${ERRCAT_LOCALE_BUILD_DIR}"
                    "-DSTAMP=${dir}/mo.stamp" -DACTION=mo
                    -P "${_ERRCAT_CMAKE_DIR}/errcat-mo.cmake"
            DEPENDS "${dir}/domain" ${pofiles}
            COMMENT "msgfmt -c: catalog ${name}"
            VERBATIM)
        add_custom_target(errcat-mo-${name} ALL DEPENDS "${dir}/mo.stamp")
        add_dependencies(${target} errcat-mo-${name})
        add_custom_target(update-po-${name}
            COMMAND "${CMAKE_COMMAND}" ${common}
                    "-DMSGMERGE=${ERRCAT_MSGMERGE}" -DACTION=update
                    -P "${_ERRCAT_CMAKE_DIR}/errcat-mo.cmake"
            DEPENDS "${dir}/domain" VERBATIM)
        add_custom_target(new-po-${name}
            COMMAND "${CMAKE_COMMAND}" ${common}
                    "-DMSGINIT=${ERRCAT_MSGINIT}" -DACTION=new
                    -P "${_ERRCAT_CMAKE_DIR}/errcat-mo.cmake"
            DEPENDS "${dir}/domain" VERBATIM)
        add_custom_target(po-stats-${name}
            COMMAND "${CMAKE_COMMAND}" ${common}
                    "-DMSGFMT=${ERRCAT_MSGFMT}" -DACTION=stats
                    -P "${_ERRCAT_CMAKE_DIR}/errcat-mo.cmake"
            VERBATIM)
        _errcat_umbrella(update-po update-po-${name})
        _errcat_umbrella(new-po new-po-${name})
        _errcat_umbrella(po-stats po-stats-${name})
        # The domain is known once errcat-gen has run: read it at install.
        set(dest "${CMAKE_INSTALL_FULL_LOCALEDIR}")
        install(CODE "
            file(STRINGS \"${dir}/domain\" _errcat_domain)
            foreach(_errcat_l ${langs})
                file(INSTALL DESTINATION
                     \"${dest}/\${_errcat_l}/LC_MESSAGES\" TYPE FILE FILES
                     \"${ERRCAT_LOCALE_BUILD_DIR}/\${_errcat_l}/LC_MESSAGES/\${_errcat_domain}.mo\")
            endforeach()")
    endif()
endfunction()
