package io.coffer.core.seal;

import java.util.List;

/**
 * What {@code sys/init} hands out, once: the unseal key shares and the initial root token.
 * Nothing here is ever stored in the clear.
 *
 * @param shares    the unseal key shares
 * @param rootToken the initial root token
 */
public record InitResult(List<byte[]> shares, String rootToken) {

    public InitResult {
        shares = List.copyOf(shares);
    }

    @Override
    public String toString() {
        return "InitResult[" + shares.size() + " shares, root token hidden]";
    }
}
