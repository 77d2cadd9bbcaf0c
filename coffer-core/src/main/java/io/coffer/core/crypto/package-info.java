/** Small cryptographic helpers shared by the stores that hash secrets. Depends on nothing in Coffer. */
package io.coffer.core.crypto;
