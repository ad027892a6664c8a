# cmake/Install.cmake — what `cmake --install build [--prefix P]` puts where:
#   bin/bpfverify, bin/bpfverify-db, bin/bpfverify-lsp
#   LIBDIR/libbpfverify.so                    the shim: -fplugin= this
#   LIBDIR/bpfverify/libbpfverify-llvmN.so    the real plugins it opens
#   share/bpfverify/profiles/K/               the kernel profiles (btf-db)
#   include/bpfverify/vmlinux[-K]/vmlinux.h   vmlinux.h of each profile
#   share/doc/bpfverify/                      docs/, README.md, examples/
#   LIBDIR/pkgconfig/bpfverify.pc             variable plugin = the shim
#   LIBDIR/cmake/bpfverify/                   bpfverifyConfig.cmake
# The installed plugin and CLI find the profiles relative to their own
# location (bvdb_default_dir), so the prefix can be chosen at install time;
# bpfverify.pc is written at install time for the same reason.
include(GNUInstallDirs)

install(TARGETS bpfverify bpfverify-db RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# bpfverify-lsp installs itself (tools/bpfverify-lsp/CMakeLists.txt).

install(TARGETS bpfverify_plugin LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(t ${BV_REAL_PLUGINS})
  # clang has already mapped its libLLVM/libclang-cpp (same sonames); the
  # run path only matters to tools that open a plugin on their own.
  get_target_property(rpath ${t} BUILD_RPATH)
  set_target_properties(${t} PROPERTIES INSTALL_RPATH "${rpath}")
  install(TARGETS ${t} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/bpfverify)
endforeach()

install(DIRECTORY ${CMAKE_SOURCE_DIR}/btf-db/profiles/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bpfverify/profiles)
install(DIRECTORY ${CMAKE_BINARY_DIR}/vmlinux/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/bpfverify/vmlinux
  FILES_MATCHING PATTERN "vmlinux.h")
foreach(h ${BV_VMLINUX_HEADERS})
  get_filename_component(d ${h} DIRECTORY)
  get_filename_component(d ${d} NAME)
  install(FILES ${h} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/bpfverify/${d})
endforeach()
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples DESTINATION ${CMAKE_INSTALL_DOCDIR})

# bpfverify.pc, written when installing: the prefix is known only then.
set(BV_PC_IN ${CMAKE_SOURCE_DIR}/cmake/bpfverify.pc.in)
install(CODE "
  set(BV_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  set(BV_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
  set(BV_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(BV_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(BV_DATADIR \"${CMAKE_INSTALL_DATADIR}\")
  set(BV_VERSION \"${PROJECT_VERSION}\")
  set(BV_LLVM_MAJORS \"${BPFVERIFY_LLVM_VERSIONS}\")
  configure_file(\"${BV_PC_IN}\" \"\${CMAKE_CURRENT_BINARY_DIR}/bpfverify.pc.install\" @ONLY)
  file(INSTALL \"\${CMAKE_CURRENT_BINARY_DIR}/bpfverify.pc.install\"
       DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\"
       RENAME bpfverify.pc)
")

# The CMake package: relocatable (paths from its own location).
file(RELATIVE_PATH BV_CONFIG_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/cmake/bpfverify /prefix)
configure_file(${CMAKE_SOURCE_DIR}/cmake/bpfverifyConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cmake/bpfverifyConfig.cmake @ONLY)
include(CMakePackageConfigHelpers)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/bpfverifyConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/bpfverifyConfig.cmake
  ${CMAKE_BINARY_DIR}/cmake/bpfverifyConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/bpfverify)
