# Every third-party package is found here, and only here. All are Debian 12 packages;
# .ci/run and the README install them with apt-get.
find_package(Threads REQUIRED)
find_package(LibIcal REQUIRED CONFIG)          # libical-dev
find_package(date REQUIRED CONFIG)             # libhowardhinnant-date-dev
find_package(CLI11 REQUIRED CONFIG)            # libcli11-dev
find_package(nlohmann_json REQUIRED CONFIG)    # nlohmann-json3-dev
find_package(ICU REQUIRED COMPONENTS uc i18n)  # libicu-dev
find_package(tomlplusplus REQUIRED CONFIG)     # libtomlplusplus-dev
find_package(PkgConfig REQUIRED)
pkg_check_modules(libpsl REQUIRED IMPORTED_TARGET libpsl)  # libpsl-dev (+ publicsuffix)
pkg_check_modules(nettle REQUIRED IMPORTED_TARGET nettle)  # nettle-dev (HMAC-SHA-256 for --redact)
if(BUSYWORK_JEMALLOC)
  # libjemalloc-dev: reading an export is millions of small allocations on several threads
  # (libical's tree, our records), where glibc's malloc spends a third of the time.
  pkg_check_modules(jemalloc REQUIRED IMPORTED_TARGET jemalloc)
endif()
if(BUSYWORK_TESTS)
  find_package(Boost REQUIRED COMPONENTS unit_test_framework)  # libboost-test-dev
endif()

# libical's exported target lacks its include directory; wrap it once.
add_library(busywork_libical INTERFACE)
target_link_libraries(busywork_libical INTERFACE ical)
target_include_directories(busywork_libical SYSTEM INTERFACE ${LibIcal_INCLUDE_DIR})
