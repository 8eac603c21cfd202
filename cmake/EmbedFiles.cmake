# chronicle_embed_files(OUTPUT out.cpp BASE dir FILES rel/path ...)
#
# Generates a C++ source defining chronicle::embedded::files(): every listed
# file as {relative path, bytes}. The generation runs at build time through
# EmbedFilesScript.cmake, so editing a lexicon or schema file rebuilds only this
# one translation unit.
function(chronicle_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;BASE" "FILES" ${ARGN})
  set(abs_files "")
  foreach(f IN LISTS ARG_FILES)
    list(APPEND abs_files ${ARG_BASE}/${f})
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} -DBASE=${ARG_BASE} "-DFILES=${files_arg}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${abs_files} ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${CMAKE_CURRENT_LIST_LENGTH} schema and lexicon files"
    VERBATIM)
endfunction()
