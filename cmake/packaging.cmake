# Installing and packaging: `cmake --install build` puts every file in its standard place
# (GNUInstallDirs), and `cpack -G DEB` (run in the build folder, or with --config
# build/CPackConfig.cmake) makes busywork_<version>_<arch>.deb from the same install rules.
# Included from the top-level CMakeLists.txt after cli/, so that the busywork target exists.
include(GNUInstallDirs)
# cpack and `make install` install what is built, without building the rest first: packaging
# after the quick start's `--target busywork` does not compile the test suite, and the
# deb_package test does not rebuild the tree it is part of.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS busywork RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Debian ships man pages gzipped (-n: no name or time stamp, so the file is reproducible);
# man-db reads both. Without gzip the page is installed as it is.
find_program(BUSYWORK_GZIP gzip DOC "gzip, to compress the installed man page")
set(busywork_man_source ${PROJECT_SOURCE_DIR}/man/busywork.1)
if(BUSYWORK_GZIP)
  set(busywork_man_page ${PROJECT_BINARY_DIR}/man/busywork.1.gz)
  add_custom_command(
    OUTPUT ${busywork_man_page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${BUSYWORK_GZIP} -9nc ${busywork_man_source} > ${busywork_man_page}
    DEPENDS ${busywork_man_source}
    COMMENT "Compressing the man page"
    VERBATIM)
  add_custom_target(busywork_man_page ALL DEPENDS ${busywork_man_page})
  # So that `cmake --build build --target busywork` (the quick start) leaves all to install.
  add_dependencies(busywork busywork_man_page)
else()
  set(busywork_man_page ${busywork_man_source})
endif()
install(FILES ${busywork_man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Where bash-completion loads a command's completion on first use, and Debian's zsh $fpath
# directory for packages.
install(FILES ${PROJECT_SOURCE_DIR}/completions/busywork.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME busywork)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_busywork
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/samples/google_rep.ics
              ${PROJECT_SOURCE_DIR}/samples/outlook_rep.ics
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# The Debian package. Its library dependencies are computed by dpkg-shlibdeps (Debian package
# dpkg-dev) from the binary: libical3, libicu72, libpsl5, libstdc++6, libc6 ... Two run-time
# data packages are added by hand, since no library names them: libpsl reads the Public Suffix
# List from /usr/share/publicsuffix (domains.cpp: psl_latest), and the date library reads the
# IANA zones from /usr/share/zoneinfo.
set(CPACK_PACKAGE_NAME busywork)
set(CPACK_PACKAGE_VENDOR "The busywork authors")
set(CPACK_PACKAGE_CONTACT "busywork maintainers <maintainers@busywork.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "how much of each week went to meetings about meetings")
# The extended description, wrapped for `apt show` (CPack indents each line by one space).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "busywork reads exported calendars (.ics: Google Calendar, Outlook/Exchange,"
  "Apple Calendar, Thunderbird, Nextcloud) and tells a sales team how much of"
  "each week went to meetings about meetings (internal syncs, pre-meetings,"
  "debriefs) and how much to customers. Every meeting is classified by rules"
  "that can be explained and corrected; reports come as text, CSV, JSON,"
  "Markdown or HTML. It runs locally and offline.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # busywork_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "publicsuffix, tzdata")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
