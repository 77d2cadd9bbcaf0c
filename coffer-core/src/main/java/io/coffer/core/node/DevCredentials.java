package io.coffer.core.node;

/**
 * What dev mode prints once at start: the unseal key (base64) and the root token.
 *
 * @param unsealKey base64 of the single unseal key share
 * @param rootToken the root token
 */
public record DevCredentials(String unsealKey, String rootToken) {

    @Override
    public String toString() {
        return "DevCredentials[hidden]";
    }
}
