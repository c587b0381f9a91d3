# termalign_add_module(NAME): a static library of every .cc in the calling folder, with the
# folder's include/ as its public header folder.
function(termalign_add_module name)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  if(NOT sources)
    # A module whose first source has not landed yet still links.
    set(sources "${CMAKE_CURRENT_BINARY_DIR}/${name}_empty.cc")
    file(WRITE "${sources}" "")
  endif()
  add_library(${name} ${sources})
  target_include_directories(${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include")
endfunction()
