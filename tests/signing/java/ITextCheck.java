// The iText 5 / Bouncy Castle view of PDFs' signatures, one tab-separated line per signed field:
//   FILE NAME intact=BOOL trusted=BOOL wholeDocument=BOOL     or     FILE NAME error=MESSAGE
// intact: PdfPKCS7.verify() (the digest of the byte range and the signature over it); trusted: the
// chain verifies to ROOT at the signing time (CertificateVerification.verifyCertificates);
// wholeDocument: AcroFields.signatureCoversWholeDocument.
// usage: ITextCheck ROOT.crt FILE.pdf... (one JVM for many files: its start-up is the slow part)

import com.itextpdf.text.pdf.AcroFields;
import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.security.CertificateVerification;
import com.itextpdf.text.pdf.security.PdfPKCS7;
import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.CertificateFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public final class ITextCheck {
  public static void main(String[] args) throws Exception {
    Security.addProvider(new BouncyCastleProvider());
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    try (InputStream in = new FileInputStream(args[0])) {
      anchors.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    for (int i = 1; i < args.length; ++i) {
      AcroFields fields = new PdfReader(args[i]).getAcroFields();
      for (String name : fields.getSignatureNames()) {
        String prefix = args[i] + "\t" + name + "\t";
        try {
          PdfPKCS7 pkcs7 = fields.verifySignature(name, BouncyCastleProvider.PROVIDER_NAME);
          boolean intact = pkcs7.verify();
          boolean trusted = CertificateVerification
              .verifyCertificates(pkcs7.getSignCertificateChain(), anchors, pkcs7.getSignDate()).isEmpty();
          System.out.println(prefix + "intact=" + intact + " trusted=" + trusted
              + " wholeDocument=" + fields.signatureCoversWholeDocument(name));
        } catch (Exception e) {
          System.out.println(prefix + "error=" + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
      }
    }
  }
}
