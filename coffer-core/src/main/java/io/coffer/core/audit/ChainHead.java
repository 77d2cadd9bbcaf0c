package io.coffer.core.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A position in an audit device's chain: the last line of a known prefix. The device stores it
 * behind the barrier as it writes ({@link AuditChainStore}), so that lines cut from the end of the
 * file, which nothing in the file itself can reveal, show up as a file that ends before the head.
 *
 * @param segment the number of the segment the line is in: segments are numbered from 1, each
 *                opened by a {@code chain_start} record; 0 with {@code records == 0} before the
 *                device wrote anything
 * @param records how many lines of that segment, its {@code chain_start} included, end at the line
 * @param last    the link of the line: hex HMAC-SHA256 of its bytes, which the next line carries as
 *                {@code prev_hash}
 * @param file    the name of the file holding the line (informative)
 * @param fileId  the identity of that file on its file system (device and inode), so that a moved
 *                (rotated) file is found again and a file truncated in place is told from a new
 *                one; null when unknown
 * @param offset  the byte offset just after the line's newline in that file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainHead(
        @JsonProperty("segment") long segment,
        @JsonProperty("records") long records,
        @JsonProperty("last") String last,
        @JsonProperty("file") String file,
        @JsonProperty("file_id") String fileId,
        @JsonProperty("offset") long offset) {

    /** The head of a device that has written nothing yet. */
    public static ChainHead empty() {
        return new ChainHead(0, 0, AuditChain.GENESIS, null, null, 0);
    }

    public boolean isEmpty() {
        return segment == 0 && records == 0;
    }

    /** True when this head lies after {@code other} in the chain. */
    public boolean isAfter(ChainHead other) {
        return segment != other.segment ? segment > other.segment : records > other.records;
    }

    /** What an operator or the break record may see: position, link and file (the link is in the file anyway). */
    public Map<String, Object> render() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("segment", segment);
        m.put("records", records);
        m.put("last", last);
        if (file != null) {
            m.put("file", file);
        }
        m.put("offset", offset);
        return m;
    }
}
