package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF files: one section per page, since PDFs rarely carry a usable heading structure. */
final class PdfReader implements DocumentReader {

  @Override
  public SourceDocument read(Path file, String source) throws UnreadableDocumentException {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      // Tables in PDFs are loose text drawn cell by cell, often column by column; reading by
      // position keeps each row on one line, in the order a person reads it.
      stripper.setSortByPosition(true);
      List<Section> sections = new ArrayList<>();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf).strip();
        if (!text.isEmpty()) {
          sections.add(new Section(List.of("Page " + page), "page=" + page, text));
        }
      }
      String title =
          pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
      return new SourceDocument(
          source,
          title == null || title.isBlank() ? TextFiles.titleFromFileName(file) : title.strip(),
          "",
          List.of(),
          List.of(),
          "",
          "",
          sections);
    } catch (IOException e) {
      throw new UnreadableDocumentException(
          source + ": not a readable PDF (" + e.getMessage() + ")", e);
    }
  }
}
