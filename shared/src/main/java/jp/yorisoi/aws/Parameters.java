package jp.yorisoi.aws;

import java.util.Optional;

/** Named secrets (SSM Parameter Store SecureStrings) read by the functions; tests pass a map. */
@FunctionalInterface
public interface Parameters {

    /** The parameter's decrypted value, or empty when there is no parameter of that name. */
    Optional<String> decrypted(String name);
}
