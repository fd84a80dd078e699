# SPDX-License-Identifier: GPL-3.0-or-later
# The newest <release> in the AppStream metadata must be the version CMake builds, so that a
# software centre never shows a package under an older version's notes.
# Usage: cmake -DMETAINFO=file.metainfo.xml -DVERSION=X.Y.Z -P metainfo_release.cmake
file(READ "${METAINFO}" text)
string(REGEX MATCH "<release[^>]*version=\"([^\"]+)\"" first_release "${text}")
if(NOT first_release)
  message(FATAL_ERROR "${METAINFO}: no <release version=\"...\"> in <releases>")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  message(FATAL_ERROR "${METAINFO}: the newest release is ${CMAKE_MATCH_1}, but the project "
                      "version is ${VERSION}: add a <release version=\"${VERSION}\"> first")
endif()
