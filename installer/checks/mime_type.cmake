# SPDX-License-Identifier: GPL-3.0-or-later
# The scenario MIME type must compile into a shared-mime-info database: update-mime-database
# rejects malformed definitions, and the type's own file appears only if it was understood.
# Usage: cmake -DUPDATE_MIME_DATABASE=... -DMIME_XML=... -DWORK_DIR=... -P mime_type.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/mime/packages")
file(COPY "${MIME_XML}" DESTINATION "${WORK_DIR}/mime/packages")
# XDG_DATA_DIRS names the folder so that the tool does not warn that nothing searches it.
execute_process(COMMAND ${CMAKE_COMMAND} -E env XDG_DATA_DIRS=${WORK_DIR} XDG_DATA_HOME=${WORK_DIR}
                        ${UPDATE_MIME_DATABASE} "${WORK_DIR}/mime"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "update-mime-database rejected ${MIME_XML} (exit ${status}):\n${out}${err}")
endif()
set(type_file "${WORK_DIR}/mime/application/x-accelplan-scenario.xml")
if(NOT EXISTS "${type_file}")
  message(FATAL_ERROR "${MIME_XML}: no application/x-accelplan-scenario in the compiled database")
endif()
file(READ "${WORK_DIR}/mime/globs2" globs)
if(NOT globs MATCHES "application/x-accelplan-scenario:\\*\\.accelplan\\.json")
  message(FATAL_ERROR "${MIME_XML}: the *.accelplan.json glob is missing from the database")
endif()
# The magic file is binary: file(STRINGS) picks the printable runs out of it.
file(STRINGS "${WORK_DIR}/mime/magic" magic REGEX "accelplan\\.scenario/1")
if(NOT magic)
  message(FATAL_ERROR "${MIME_XML}: the \"accelplan.scenario/1\" magic is missing")
endif()
