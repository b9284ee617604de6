add_library(busywork_warnings INTERFACE)
target_compile_options(busywork_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wextra-semi)
if(BUSYWORK_WERROR)
  target_compile_options(busywork_warnings INTERFACE -Werror)
endif()
