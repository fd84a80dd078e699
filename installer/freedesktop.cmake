# SPDX-License-Identifier: GPL-3.0-or-later
# Desktop integration on Linux and other freedesktop systems: the menu entry, the AppStream
# metadata, the icon at every hicolor size, the scenario MIME type and the man pages. All paths
# are relative (GNUInstallDirs), so the same tree works under /usr (the .deb), /usr/local, or
# ~/.local (the .tar.gz unpacked there).

set(desktop_dir ${CMAKE_CURRENT_SOURCE_DIR}/desktop)
set(icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/${ACCELPLAN_APP_ID}.svg)

install(FILES ${desktop_dir}/${ACCELPLAN_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${desktop_dir}/${ACCELPLAN_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${desktop_dir}/${ACCELPLAN_APP_ID}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${ACCELPLAN_APP_ID}.xml)
install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# Bitmap icons for the desktops and panels that do not scale SVG, rendered from the one SVG so
# that they cannot drift from it.
find_program(ACCELPLAN_RSVG_CONVERT rsvg-convert)
if(NOT ACCELPLAN_RSVG_CONVERT)
  message(FATAL_ERROR "rsvg-convert renders the application icon: install the Debian package "
                      "librsvg2-bin (`scripts/dev deps` does)")
endif()
set(generated_files "")
foreach(size IN ITEMS 16 22 24 32 48 64 128 256 512)
  set(png_dir ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size})
  set(png ${png_dir}/${ACCELPLAN_APP_ID}.png)
  add_custom_command(
    OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${png_dir}
    COMMAND ${ACCELPLAN_RSVG_CONVERT} --width=${size} --height=${size} --format=png
            --output=${png} ${icon_svg}
    DEPENDS ${icon_svg}
    COMMENT "Rendering the ${size}x${size} application icon"
    VERBATIM)
  install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  list(APPEND generated_files ${png})
endforeach()

# Man pages carry the version and homepage from project(); Debian wants them compressed with
# gzip -9n (no name or time stamp, so the package is reproducible).
set(ACCELPLAN_MAN_PAGES accelplan.1 accelplan-cli.1)
set(ACCELPLAN_MAN_PAGE_SOURCES "")
foreach(page IN LISTS ACCELPLAN_MAN_PAGES)
  set(configured ${CMAKE_CURRENT_BINARY_DIR}/man/${page})
  configure_file(man/${page} ${configured} @ONLY)
  add_custom_command(
    OUTPUT ${configured}.gz
    COMMAND gzip -9n --force --keep ${configured}
    DEPENDS ${configured}
    COMMENT "Compressing the man page ${page}"
    VERBATIM)
  install(FILES ${configured}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  list(APPEND generated_files ${configured}.gz)
  list(APPEND ACCELPLAN_MAN_PAGE_SOURCES ${configured})
endforeach()

add_custom_target(accelplan_desktop_integration ALL DEPENDS ${generated_files})
