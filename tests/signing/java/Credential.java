// A key and its certificate chain from a PKCS#12 file whose password is in $GONGWEN_TEST_PASSWORD
// (never on the command line).

import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;

final class Credential {
  final PrivateKey key;
  final Certificate[] chain;

  private Credential(PrivateKey key, Certificate[] chain) {
    this.key = key;
    this.chain = chain;
  }

  static Credential load(String path) throws Exception {
    String password = System.getenv("GONGWEN_TEST_PASSWORD");
    if (password == null) throw new IllegalArgumentException("set GONGWEN_TEST_PASSWORD");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    String alias = store.aliases().nextElement();
    return new Credential((PrivateKey) store.getKey(alias, password.toCharArray()),
        store.getCertificateChain(alias));
  }
}
