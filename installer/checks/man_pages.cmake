# SPDX-License-Identifier: GPL-3.0-or-later
# Each man page must format without a single groff warning (all warnings on: -ww).
# Usage: cmake -DGROFF=groff "-DPAGES=a.1;b.1" -P man_pages.cmake
set(failed "")
foreach(page IN LISTS PAGES)
  execute_process(COMMAND ${GROFF} -t -man -ww -z ${page}
                  RESULT_VARIABLE status ERROR_VARIABLE warnings)
  if(NOT status EQUAL 0 OR NOT warnings STREQUAL "")
    message(SEND_ERROR "${page}: groff reports (exit ${status}):\n${warnings}")
    set(failed TRUE)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "man pages with warnings (see above)")
endif()
