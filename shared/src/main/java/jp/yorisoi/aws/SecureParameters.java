package jp.yorisoi.aws;

/** Named secrets that are also written: the admin API stores a town's LINE channel secret and token. */
public interface SecureParameters extends Parameters {

    /** Creates or replaces the SecureString {@code name}. */
    void putSecureString(String name, String value);

    /** Whether a parameter of that name exists, without decrypting it. */
    boolean exists(String name);
}
