package de.foerderregister.document;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stored file names are never paths or header injections, and the header carries them exactly. */
class FileNamesTest {

    @Test
    void aPathKeepsOnlyItsLastSegment() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("boot.ini", FileNames.sanitise("..\\..\\boot.ini"));
        assertEquals("", FileNames.sanitise("C:\\Dokumente\\"));
    }

    @Test
    void quotesControlsAndReorderingCharactersAreRemoved() {
        assertEquals("bericht final.pdfX-Injected: yes", FileNames.sanitise("bericht \"final\".pdf\r\nX-Injected: yes"));
        assertEquals("gnp.exe", FileNames.sanitise("\u202Egnp.exe"));
        assertEquals("ab", FileNames.sanitise("a\tb"));
        assertEquals("htaccess", FileNames.sanitise(".htaccess"));
        assertEquals("", FileNames.sanitise(null));
    }

    @Test
    void umlautsStayAndLongNamesAreCutAtACharacterBoundary() {
        assertEquals("Prüfbericht €.pdf", FileNames.sanitise("Prüfbericht €.pdf"));
        String emoji = "a".repeat(254) + "\uD83D\uDCC4";
        assertEquals("a".repeat(254), FileNames.sanitise(emoji));
        assertEquals(FileNames.MAX_LENGTH, FileNames.sanitise("x".repeat(1000)).length());
    }

    @Test
    void aNameWithoutAnythingLeftIsNamedAfterItsType() {
        assertEquals("dokument.pdf", FileNames.orDefault(FileNames.sanitise("\"\r\n"), DocumentType.PDF));
        assertEquals("plan.xlsx", FileNames.orDefault("plan.xlsx", DocumentType.XLSX));
    }

    @Test
    void theHeaderCarriesAnAsciiFallbackAndTheExactNamePercentEncoded() {
        assertEquals("attachment; filename=\"Pr_fbericht _.pdf\"; filename*=UTF-8''Pr%C3%BCfbericht%20%E2%82%AC.pdf",
                FileNames.contentDisposition("Prüfbericht €.pdf"));
        assertEquals("attachment; filename=\"a;b=c.pdf\"; filename*=UTF-8''a%3Bb%3Dc.pdf",
                FileNames.contentDisposition("a;b=c.pdf"));
    }
}
