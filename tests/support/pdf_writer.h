/** @file
 *  @brief A small generator of valid PDF bytes for tests: pages of UTF-8 lines (any script),
 *         Info title and creation date, and the bad kinds (encrypted, no text layer).
 */
#pragma once

#include <string>
#include <vector>

namespace agora::test {

/// What make_pdf writes.
struct PdfSpec {
    /// Each page is a list of lines of UTF-8 text, drawn top to bottom at a fixed line pitch. An
    /// empty line leaves a blank line (a paragraph gap) on the page.
    std::vector<std::vector<std::string>> pages;
    /// Info dictionary /Title (UTF-16BE with a byte order mark); omitted when empty.
    std::string title;
    /// Info dictionary /CreationDate, written as given ("D:20230312100000+03'00'"); omitted when
    /// empty.
    std::string creation_date;
    /// Font size of the first line of the first page (a heading), when not 0; others use 11 pt.
    double first_line_size = 0;
    /// Adds a Standard security handler (R2, 40-bit RC4) whose user password is not empty, so that
    /// a reader cannot open the document without it.
    bool encrypted = false;
    /// Every page only draws a filled rectangle: no text objects at all (a scanned page, in
    /// effect).
    bool no_text = false;
};

/// A complete PDF 1.7 file: header, objects with exact xref offsets, trailer and %%EOF. Text uses
/// one Type0 font (Identity-H, two-byte codes) with a /ToUnicode CMap mapping each code to its
/// character, so that text extraction yields the lines' characters back. Pages are US Letter.
std::string make_pdf(const PdfSpec& spec);

}  // namespace agora::test
