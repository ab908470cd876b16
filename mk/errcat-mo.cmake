# errcat-mo.cmake - translation steps of errcat_add_catalog.
#   ACTION=mo     msgfmt -c PO_DIR/LL.po into LOCALE_DIR/LL/LC_MESSAGES/
#                 DOMAIN.mo; on an error no .mo of that language is left
#   ACTION=update msgmerge --previous the .pot into every LL.po
#   ACTION=new    msginit LL.po for NEW_PO_LANG (environment), add to LINGUAS
#   ACTION=stats  msgfmt --statistics of every LL.po
# LANGUAGES is comma-separated; DOMAIN_FILE holds the catalog's domain.
string(REPLACE "," ";" langs "${LANGUAGES}")
if(EXISTS "${DOMAIN_FILE}")
    file(STRINGS "${DOMAIN_FILE}" domain)
endif()
set(pot "${POT_DIR}/${domain}.pot")

if(ACTION STREQUAL "mo")
    foreach(l IN LISTS langs)
        set(out "${LOCALE_DIR}/${l}/LC_MESSAGES")
        file(MAKE_DIRECTORY "${out}")
        set(mo "${out}/${domain}.mo")
        execute_process(COMMAND "${MSGFMT}" -c -o "${mo}.tmp" "${PO_DIR}/${l}.po"
                        RESULT_VARIABLE status)
        if(NOT status EQUAL 0)
            file(REMOVE "${mo}.tmp" "${mo}")
            message(FATAL_ERROR "msgfmt -c failed on ${PO_DIR}/${l}.po")
        endif()
        file(RENAME "${mo}.tmp" "${mo}")
    endforeach()
    file(TOUCH "${STAMP}")
elseif(ACTION STREQUAL "update")
    foreach(l IN LISTS langs)
        message(STATUS "msgmerge ${PO_DIR}/${l}.po")
        execute_process(COMMAND "${MSGMERGE}" -q --previous --update
                                --backup=none "${PO_DIR}/${l}.po" "${pot}"
                        RESULT_VARIABLE status)
        if(NOT status EQUAL 0)
            message(FATAL_ERROR "msgmerge failed on ${PO_DIR}/${l}.po")
        endif()
    endforeach()
elseif(ACTION STREQUAL "new")
    set(l "$ENV{NEW_PO_LANG}")
    if(NOT l MATCHES "^[A-Za-z_@]+$")
        message(FATAL_ERROR "usage: NEW_PO_LANG=xx cmake --build DIR "
                "--target new-po (got '${l}')")
    endif()
    if(EXISTS "${PO_DIR}/${l}.po")
        message(FATAL_ERROR "${PO_DIR}/${l}.po exists")
    endif()
    execute_process(COMMAND "${MSGINIT}" --no-translator -l "${l}"
                            -i "${pot}" -o "${PO_DIR}/${l}.po"
                    RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "msginit failed for ${l}")
    endif()
    file(APPEND "${PO_DIR}/LINGUAS" "${l}\n")
elseif(ACTION STREQUAL "stats")
    foreach(l IN LISTS langs)
        execute_process(COMMAND "${MSGFMT}" --statistics -o /dev/null
                                "${PO_DIR}/${l}.po"
                        ERROR_VARIABLE stats)
        string(STRIP "${stats}" stats)
        message("${PO_DIR}/${l}.po: ${stats}")
    endforeach()
else()
    message(FATAL_ERROR "errcat-mo.cmake: unknown ACTION '${ACTION}'")
endif()
