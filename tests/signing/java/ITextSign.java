// Signs a PDF with iText 5 and Bouncy Castle, in an incremental revision (an invisible PAdES
// signature, /SubFilter /ETSI.CAdES.detached): a signer that shares no code with gongwen's.
// usage: ITextSign IN.pdf OUT.pdf CREDENTIAL.p12, the PKCS#12 password in $GONGWEN_TEST_PASSWORD.

import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.PdfSignatureAppearance;
import com.itextpdf.text.pdf.PdfStamper;
import com.itextpdf.text.pdf.security.BouncyCastleDigest;
import com.itextpdf.text.pdf.security.MakeSignature;
import com.itextpdf.text.pdf.security.PrivateKeySignature;
import java.io.FileOutputStream;
import java.security.PrivateKey;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public final class ITextSign {
  public static void main(String[] args) throws Exception {
    Security.addProvider(new BouncyCastleProvider());
    Credential credential = Credential.load(args[2]);
    PdfReader reader = new PdfReader(args[0]);
    try (FileOutputStream out = new FileOutputStream(args[1])) {
      PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
      PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
      appearance.setReason("iText 5 test signature");
      MakeSignature.signDetached(appearance, new BouncyCastleDigest(),
          new PrivateKeySignature(credential.key, "SHA-256", BouncyCastleProvider.PROVIDER_NAME),
          credential.chain, null, null, null, 0, MakeSignature.CryptoStandard.CADES);
    }
  }
}
