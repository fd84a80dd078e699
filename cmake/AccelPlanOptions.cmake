# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target that carries the project's warnings, defines and sanitizer flags.
# Every target of the project links it; nothing else sets compile flags.
add_library(accelplan_options INTERFACE)
add_library(AccelPlan::options ALIAS accelplan_options)

target_compile_features(accelplan_options INTERFACE cxx_std_20)
target_compile_options(accelplan_options INTERFACE
  -Wall -Wextra -Wpedantic
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
  -Wformat=2 -Wmissing-declarations)

# Warnings are errors for developers and CI (scripts/dev turns this on), not for packagers: a
# newer or older compiler's new warning must not break a distribution's build.
option(ACCELPLAN_WERROR "Treat compiler warnings as errors" OFF)
if(ACCELPLAN_WERROR)
  target_compile_options(accelplan_options INTERFACE -Werror)
  # GCC 12 at -O3 reports out-of-bounds and overlapping copies inside libstdc++'s own string
  # code for a string literal moved into a std::string (GCC bugs 105329, 105651), and with the
  # sanitizers at -O1 "maybe uninitialized" members of a disengaged std::optional being
  # copied: warnings, shown, but no errors there.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(accelplan_options INTERFACE
      -Wno-error=array-bounds -Wno-error=restrict -Wno-error=stringop-overflow
      -Wno-error=maybe-uninitialized)
  endif()
endif()

# Qt's string-safety defines: no implicit conversions between QString and char*/QByteArray
# except from string literals, QStringBuilder for concatenation. (QT_NO_FOREACH would be here,
# but QCustomPlot 2.1's header uses `foreach`; write range-based for loops all the same.)
target_compile_definitions(accelplan_options INTERFACE
  QT_RESTRICTED_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_STRICT_ITERATORS)

# The sanitizer build (scripts/dev test-sanitize): AddressSanitizer and UBSan on every target.
# With ACCELPLAN_FUZZ (clang) the same build also carries libFuzzer's coverage instrumentation
# and builds the fuzz programs of tests/fuzz (scripts/fuzz), so CI compiles the libraries once
# for both; the tests link without libFuzzer, the sanitizers' runtime answers the coverage hooks.
if(ACCELPLAN_SANITIZE OR ACCELPLAN_FUZZ)
  set(sanitizers address,undefined)
  if(ACCELPLAN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
      message(FATAL_ERROR "ACCELPLAN_FUZZ needs clang (libFuzzer): configure with "
                          "-DCMAKE_CXX_COMPILER=clang++, as scripts/dev test-sanitize does")
    endif()
    set(sanitizers fuzzer-no-link,${sanitizers})
  endif()
  target_compile_options(accelplan_options INTERFACE
    -fsanitize=${sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(accelplan_options INTERFACE -fsanitize=address,undefined)
endif()
