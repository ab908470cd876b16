# errcat-generate.cmake - build step of errcat_add_catalog: runs errcat-gen
# on CATALOG into DIR (NAME.h, NAME.c, the compiled catalog NAME.errcat;
# the .pot in DIR/pot) and writes
# the catalog's domain, the .pot's name, to DIR/domain.
#   cmake -DERRCAT_GEN=... -DCATALOG=... -DNAME=... -DDIR=... -P this
file(MAKE_DIRECTORY "${DIR}/pot")
execute_process(
    COMMAND "${ERRCAT_GEN}" generate -o "${DIR}" --pot-dir "${DIR}/pot"
            --compiled "${DIR}" "${CATALOG}"
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "errcat-gen failed on ${CATALOG}")
endif()
if(NOT EXISTS "${DIR}/${NAME}.c")
    message(FATAL_ERROR "${CATALOG}: the catalog's name is not '${NAME}' "
            "(errcat-gen wrote no ${NAME}.c): pass NAME to "
            "errcat_add_catalog")
endif()
file(GLOB pots "${DIR}/pot/*.pot")
list(LENGTH pots n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "${CATALOG}: expected one .pot in ${DIR}/pot, "
            "found ${n}")
endif()
get_filename_component(domain "${pots}" NAME_WE)
set(old "")
if(EXISTS "${DIR}/domain")
    file(READ "${DIR}/domain" old)
endif()
if(NOT old STREQUAL "${domain}\n")
    file(WRITE "${DIR}/domain" "${domain}\n")
endif()
# errcat-gen keeps unchanged outputs as they were; mark them current so
# that the step does not run again on every build.
file(TOUCH_NOCREATE "${DIR}/${NAME}.c" "${DIR}/${NAME}.h"
     "${DIR}/${NAME}.errcat" "${DIR}/domain")
