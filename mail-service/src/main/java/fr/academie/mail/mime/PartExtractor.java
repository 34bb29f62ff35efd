package fr.academie.mail.mime;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies one leaf part of a message, decoded, from its source to an output, streaming: the part is found by
 * the position {@link MimeParser} gave it (leaf parts, depth first), and the parse stops once it is copied.
 */
public final class PartExtractor {

    private PartExtractor() {
    }

    /** Whether the part was there (a source shorter than the parse that indexed it has fewer parts). */
    public static boolean copy(InputStream source, int index, OutputStream out) throws IOException {
        MimeStreamParser parser = new MimeStreamParser(MimeParser.CONFIG, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        boolean[] found = new boolean[1];
        parser.setContentHandler(new AbstractContentHandler() {
            private int leaf;

            @Override
            public void body(BodyDescriptor descriptor, InputStream content) throws IOException {
                if (leaf++ == index) {
                    content.transferTo(out);
                    found[0] = true;
                    parser.stop();
                }
            }
        });
        try {
            parser.parse(source);
        } catch (MimeException e) {
            // lenient, as when the message was read: what was found is what there is
        }
        return found[0];
    }
}
