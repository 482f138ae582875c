# The Python module gongkai (included by CMakeLists.txt when GONGKAI_PYTHON is on).
#   build/python/gongkai/        the package as it is imported: python/gongkai/*.py,
#                                *.pyi and the binding _native.*.so
#   cmake --install build        copies it to GONGKAI_PYTHON_INSTALL_DIR (default:
#                                the site directory of GONGKAI_PYTHON_EXECUTABLE)
if(EXISTS ${GONGKAI_PYTHON_EXECUTABLE})
  set(Python_EXECUTABLE ${GONGKAI_PYTHON_EXECUTABLE})
  find_package(Python COMPONENTS Interpreter Development.Module)
  if(Python_FOUND)
    set(PYBIND11_FINDPYTHON ON)
    find_package(pybind11 CONFIG QUIET)
  endif()
endif()
if(NOT (Python_FOUND AND pybind11_FOUND))
  message(STATUS "Python module gongkai: not built (needs ${GONGKAI_PYTHON_EXECUTABLE}, python3-dev, pybind11-dev)")
  return()
endif()
message(STATUS "Python module gongkai: for ${Python_EXECUTABLE} (${Python_VERSION}), pybind11 ${pybind11_VERSION}")

set(GONGKAI_VERSION 0.1.0)

# The binding is a shared object, so every stage library it links must be
# position-independent code. -fno-semantic-interposition keeps the code as
# the CLI's was (calls inside a library stay direct and inlinable): nothing
# interposes these symbols. The CLI is no slower for it: bench_text's user
# time on three samples x 100, 1.71 s against 1.73 s without. Deferred to the
# end of CMakeLists.txt, so that stages declared after this file get it too.
function(gk_python_position_independent)
  get_property(targets DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t ${targets})
    get_target_property(t_type ${t} TYPE)
    if(t_type STREQUAL "STATIC_LIBRARY" AND t MATCHES "^gk_")
      set_target_properties(${t} PROPERTIES POSITION_INDEPENDENT_CODE ON)
      target_compile_options(${t} PRIVATE -fno-semantic-interposition)
    endif()
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL gk_python_position_independent)

# The top layer beside cli: records and the worker pool over the pipeline
# (pure C++, no Python: the benchmark's baseline links it too), and the
# record as Python objects.
gk_stage(gk_python python SOURCES batch.cpp HEADERS batch.h DEPS gk_pipeline gk_writers)
gk_stage(gk_python_objects python SOURCES record_dict.cpp HEADERS record_dict.h
  DEPS pybind11::pybind11 Python::Module nlohmann_json::nlohmann_json)

set(GK_PY_PACKAGE ${CMAKE_BINARY_DIR}/python/gongkai)
pybind11_add_module(gongkai_native MODULE ${CMAKE_SOURCE_DIR}/src/python/native_module.cpp)
set_target_properties(gongkai_native PROPERTIES OUTPUT_NAME _native LIBRARY_OUTPUT_DIRECTORY ${GK_PY_PACKAGE})
target_link_libraries(gongkai_native PRIVATE gk_python gk_python_objects gk_template)
target_compile_definitions(gongkai_native PRIVATE GONGKAI_VERSION="${GONGKAI_VERSION}")
# The stage libraries' symbols stay inside the module (only PyInit__native is
# exported): another extension linking the same libraries cannot clash.
target_link_options(gongkai_native PRIVATE -Wl,--exclude-libs,ALL)

# The same reads in C++ alone (extract + the JSON writer, as the binding
# calls them): the baseline tools/bench_python.py measures the binding against.
add_executable(bench_python_baseline ${CMAKE_SOURCE_DIR}/tools/bench_python_baseline.cpp)
target_link_libraries(bench_python_baseline PRIVATE gk_python)

# The pure-Python part, copied beside the binding at build time.
file(GLOB GK_PY_SOURCES CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}/python/gongkai
  ${CMAKE_SOURCE_DIR}/python/gongkai/*.py ${CMAKE_SOURCE_DIR}/python/gongkai/*.pyi
  ${CMAKE_SOURCE_DIR}/python/gongkai/py.typed)
set(GK_PY_COPIES)
foreach(f ${GK_PY_SOURCES})
  add_custom_command(OUTPUT ${GK_PY_PACKAGE}/${f}
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/python/gongkai/${f} ${GK_PY_PACKAGE}/${f}
    DEPENDS ${CMAKE_SOURCE_DIR}/python/gongkai/${f})
  list(APPEND GK_PY_COPIES ${GK_PY_PACKAGE}/${f})
endforeach()
add_custom_target(gongkai_python ALL DEPENDS ${GK_PY_COPIES} gongkai_native)

execute_process(COMMAND ${Python_EXECUTABLE} -c "import sysconfig; print(sysconfig.get_path('platlib'))"
  OUTPUT_VARIABLE GK_PY_SITE OUTPUT_STRIP_TRAILING_WHITESPACE)
set(GONGKAI_PYTHON_INSTALL_DIR ${GK_PY_SITE} CACHE PATH "Where cmake --install puts the package gongkai")
install(DIRECTORY ${GK_PY_PACKAGE} DESTINATION ${GONGKAI_PYTHON_INSTALL_DIR}
  COMPONENT python PATTERN __pycache__ EXCLUDE)

# pytest (Debian's python3-pytest), from ctest: tests/python/.
add_test(NAME Python.pytest
  COMMAND ${Python_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_SOURCE_DIR}/tests/python)
set_tests_properties(Python.pytest PROPERTIES
  ENVIRONMENT "PYTHONPATH=${CMAKE_BINARY_DIR}/python;GONGKAI_BUILD_DIR=${CMAKE_BINARY_DIR};GONGKAI_CMAKE=${CMAKE_COMMAND};GONGKAI_BINARY=$<TARGET_FILE:gongkai>;GONGKAI_SAMPLES=${CMAKE_SOURCE_DIR}/samples;GONGKAI_TEST_DATA=${CMAKE_SOURCE_DIR}/tests/data")
# tools/sanitize.sh: a module built with ASan loads into Debian's uninstrumented
# interpreter only with the sanitizer runtimes preloaded (a space-separated list
# of paths). The leak check is off in that test alone: the interpreter keeps
# its own memory at exit, which is not ours to fix.
set(GONGKAI_PYTHON_TEST_PRELOAD "" CACHE STRING "Libraries preloaded into Python.pytest's interpreter (tools/sanitize.sh)")
if(GONGKAI_PYTHON_TEST_PRELOAD)
  set_property(TEST Python.pytest APPEND PROPERTY ENVIRONMENT_MODIFICATION
    "LD_PRELOAD=set:${GONGKAI_PYTHON_TEST_PRELOAD}" "ASAN_OPTIONS=string_append::detect_leaks=0")
endif()
