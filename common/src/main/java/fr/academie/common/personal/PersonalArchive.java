package fr.academie.common.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A person's data as a service gives it for "Mes données": a ZIP stream (java.util.zip) of JSON records, written as
 * a person reads them (indented, UTF-8), and files as they were stored. {@link #MEDIA_TYPE} is what
 * {@code GET /personal-data} answers in every service; the gateway puts the parts together.
 */
public final class PersonalArchive implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/zip";

    private final ZipOutputStream zip;
    private final ObjectMapper json;

    public PersonalArchive(OutputStream out, ObjectMapper json) {
        this.zip = new ZipOutputStream(out);
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A JSON file: the value as the service's API shows it. */
    public PersonalArchive json(String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        json.writeValue(unclosable(), value);
        zip.closeEntry();
        return this;
    }

    /** A file of its original bytes. */
    public PersonalArchive file(String name, InputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        content.transferTo(zip);
        zip.closeEntry();
        return this;
    }

    /** A file written by the caller (an mbox...): {@code write} gets a stream it must not close. */
    public PersonalArchive file(String name, Writer write) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write.to(unclosable());
        zip.closeEntry();
        return this;
    }

    /** A name fit for a file in the archive: no separator, no control character, 100 characters at most. */
    public static String fileName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
        clean = clean.replaceAll("^\\.+", "_");
        return clean.isEmpty() ? "_" : clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Writes one file's content. */
    @FunctionalInterface
    public interface Writer {
        void to(OutputStream out) throws IOException;
    }

    /** Jackson closes what it writes to; the entry must stay open. */
    private OutputStream unclosable() {
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
