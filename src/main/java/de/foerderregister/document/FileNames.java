package de.foerderregister.document;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names as clients send them are untrusted text: a path ({@code ..\..\boot.ini}), quotes and
 * line breaks that would end a header, controls that reorder what is shown. The stored name is the
 * last path segment with those removed; the download header carries it twice (RFC 6266): as a plain
 * ASCII fallback in quotes and exactly, percent-encoded, as {@code filename*} (RFC 5987).
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The name to store: never a path, no quotes, backslashes, controls or format characters; empty when nothing is left. */
    static String sanitise(@Nullable String submitted) {
        String name = submitted == null ? "" : Normalizer.normalize(submitted, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c -> c != '"' && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("^\\.+", "").strip();
        if (result.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH;
            if (Character.isLowSurrogate(result.charAt(cut))) {
                cut--;
            }
            result = result.substring(0, cut);
        }
        return result;
    }

    /** The name of a file that came without a usable one. */
    static String orDefault(String sanitised, DocumentType type) {
        return sanitised.isEmpty() ? "dokument." + type.extension() : sanitised;
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} for a stored (sanitised) name. */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** RFC 5987 attr-char kept as it is, every other byte of the UTF-8 form as %XX. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
