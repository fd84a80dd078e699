# SPDX-License-Identifier: GPL-3.0-or-later
# Checks of the desktop integration files, run by ctest (label "installer"). They validate the
# sources; scripts/package-check validates the same files again inside the built .deb.

function(accelplan_require_tool var program package)
  find_program(${var} ${program})
  if(NOT ${var})
    message(FATAL_ERROR "${program} checks the desktop integration files: install the Debian "
                        "package ${package} (`scripts/dev deps` does)")
  endif()
endfunction()

accelplan_require_tool(ACCELPLAN_DESKTOP_FILE_VALIDATE desktop-file-validate desktop-file-utils)
accelplan_require_tool(ACCELPLAN_APPSTREAMCLI appstreamcli appstream)
accelplan_require_tool(ACCELPLAN_GROFF groff groff-base)
accelplan_require_tool(ACCELPLAN_UPDATE_MIME_DATABASE update-mime-database shared-mime-info)

set(desktop_dir ${CMAKE_CURRENT_SOURCE_DIR}/desktop)

add_test(NAME installer_desktop_entry
         COMMAND ${ACCELPLAN_DESKTOP_FILE_VALIDATE} ${desktop_dir}/${ACCELPLAN_APP_ID}.desktop)
add_test(NAME installer_metainfo
         COMMAND ${ACCELPLAN_APPSTREAMCLI} validate --no-net --explain
                 ${desktop_dir}/${ACCELPLAN_APP_ID}.metainfo.xml)
add_test(NAME installer_metainfo_release
         COMMAND ${CMAKE_COMMAND} -DMETAINFO=${desktop_dir}/${ACCELPLAN_APP_ID}.metainfo.xml
                 -DVERSION=${PROJECT_VERSION}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/checks/metainfo_release.cmake)
add_test(NAME installer_man_pages
         COMMAND ${CMAKE_COMMAND} -DGROFF=${ACCELPLAN_GROFF} "-DPAGES=${ACCELPLAN_MAN_PAGE_SOURCES}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/checks/man_pages.cmake)
add_test(NAME installer_mime_type
         COMMAND ${CMAKE_COMMAND} -DUPDATE_MIME_DATABASE=${ACCELPLAN_UPDATE_MIME_DATABASE}
                 -DMIME_XML=${desktop_dir}/${ACCELPLAN_APP_ID}.mime.xml
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/mime-check
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/checks/mime_type.cmake)
set_tests_properties(installer_desktop_entry installer_metainfo installer_metainfo_release
                     installer_man_pages installer_mime_type PROPERTIES LABELS installer)
