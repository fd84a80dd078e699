# SPDX-License-Identifier: GPL-3.0-or-later
# Compiles SOURCE twice: with -DACCELPLAN_CORRECT it must compile (so the test checks the
# right thing), without it it must fail with a Boost.Units dimension error.
set(flags -std=c++20 -fsyntax-only -I${INCLUDES})
execute_process(COMMAND ${CXX} ${flags} -DACCELPLAN_CORRECT ${SOURCE}
                RESULT_VARIABLE ok_result ERROR_VARIABLE ok_err)
if(NOT ok_result EQUAL 0)
  message(FATAL_ERROR "the correct variant of ${SOURCE} does not compile:\n${ok_err}")
endif()
execute_process(COMMAND ${CXX} ${flags} ${SOURCE} RESULT_VARIABLE bad_result ERROR_VARIABLE bad_err)
if(bad_result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but mixes units and must not")
endif()
if(NOT bad_err MATCHES "boost::units")
  message(FATAL_ERROR "${SOURCE} failed for another reason than units:\n${bad_err}")
endif()
message(STATUS "${SOURCE}: unit mistake rejected by the compiler, as it should be")
