package fr.academie.common.problem;

/** Which texts may be kept: PostgreSQL refuses NUL in text, and a lone surrogate is no character at all. */
public final class Text {

    private Text() {
    }

    /** True when the text holds neither a NUL character nor half of a surrogate pair; null counts as storable. */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
