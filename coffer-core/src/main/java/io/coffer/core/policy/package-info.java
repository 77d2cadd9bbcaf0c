/** Authorization of requests by the policies of their token. Depends on {@code token}, {@code logical}, {@code error}. */
package io.coffer.core.policy;
