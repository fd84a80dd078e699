# SPDX-License-Identifier: GPL-3.0-or-later
# The core layer is pure C++20 + Boost. Fail the configure step if anything makes the core
# library link a Qt module, so the layering cannot erode silently. (A test also scans the
# core sources for Qt includes: see tests/core/CMakeLists.txt.)
function(accelplan_check_core_is_qt_free target)
  get_target_property(libs ${target} LINK_LIBRARIES)
  get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
  foreach(lib IN LISTS libs ilibs)
    if(lib MATCHES "Qt[0-9]*::|Qt[0-9]*Core|QCustomPlot")
      message(FATAL_ERROR "${target} must not link Qt, but links ${lib}")
    endif()
  endforeach()
endfunction()
