// Signs a PDF with Apache PDFBox 2 (saveIncremental) and a CMS made by Bouncy Castle's
// CMSSignedDataGenerator, as PDFBox's own signing example does (/SubFilter /adbe.pkcs7.detached, no
// signing-certificate attribute): a signer that shares no code with gongwen's.
// usage: PdfBoxSign IN.pdf OUT.pdf CREDENTIAL.p12, the PKCS#12 password in $GONGWEN_TEST_PASSWORD.

import java.io.File;
import java.io.FileOutputStream;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

public final class PdfBoxSign {
  public static void main(String[] args) throws Exception {
    Credential credential = Credential.load(args[2]);
    try (PDDocument document = PDDocument.load(new File(args[0]))) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      signature.setReason("PDFBox 2 test signature");
      signature.setSignDate(Calendar.getInstance());
      document.addSignature(signature, content -> {
        try {
          String algorithm = "SHA256with" + (credential.key.getAlgorithm().equals("EC") ? "ECDSA" : "RSA");
          CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
          generator.addSignerInfoGenerator(
              new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                  .build(new JcaContentSignerBuilder(algorithm).build(credential.key),
                         (X509Certificate) credential.chain[0]));
          generator.addCertificates(new JcaCertStore(Arrays.asList(credential.chain)));
          return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (Exception e) {
          throw new java.io.IOException(e);
        }
      });
      try (FileOutputStream out = new FileOutputStream(args[1])) {
        document.saveIncremental(out);
      }
    }
  }
}
