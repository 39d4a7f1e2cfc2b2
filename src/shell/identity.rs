//! Who the app is to the desktop: its app id and its icon.

/// The reverse-DNS app id: the Wayland app id and X11 class of the window, the name of the
/// `.desktop` file (`packaging/<APP_ID>.desktop`) and the AppStream metainfo id
/// (`packaging/<APP_ID>.metainfo.xml`), so the desktop matches the window to its menu entry
/// and icon.
pub const APP_ID: &str = "io.github.fantracker.FanTracker";

/// The data folder's name under the platform's data folder (`~/.local/share/fan-tracker`).
/// Kept as it was before the app id existed, so the library stays where it is; it is not
/// derived from [`APP_ID`].
pub const DATA_FOLDER_NAME: &str = "fan-tracker";

/// The window icon (256×256 px), drawn from `assets/icon/fan-tracker.svg` by
/// `scripts/make-icons.sh`.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/fan-tracker-256.png");

/// The window's icon, decoded from the embedded PNG; `None` (the platform's default icon) if it
/// cannot be decoded, which is logged.
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG)
        .inspect_err(|error| log::warn!("the window icon could not be decoded: {error}"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_the_apps_square_icon() {
        let icon = window_icon().expect("the embedded icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Not blank: the purple background and the white card are both there.
        let opaque = icon.rgba.chunks(4).filter(|px| px[3] == 255).count();
        assert!(opaque > 256 * 256 / 2, "{opaque} opaque pixels");
    }

    #[test]
    fn the_app_id_is_reverse_dns() {
        let parts: Vec<&str> = APP_ID.split('.').collect();
        assert!(parts.len() >= 3, "{APP_ID}");
        assert!(
            parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric())),
            "{APP_ID}"
        );
    }
}
