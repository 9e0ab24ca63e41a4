package org.ducha.petitions;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.ducha.rounds.RoundManagement;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.HandledCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence files: accepted by content, refused when the content is not an accepted kind
 * or is too large, kept by SHA-256 under a temporary data directory, and downloaded only
 * by those who may read the case.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "ducha.demo=true", "ducha.evidence.max-bytes=" + EvidenceTests.MAX_BYTES })
class EvidenceTests {

	static final int MAX_BYTES = 64 * 1024;

	private static final Path DATA_DIR = temporaryDirectory();

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("ducha.data-dir", DATA_DIR::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	EvidenceFiles evidence;

	@Autowired
	HandlingReports reports;

	@Autowired
	FileStore files;

	@Autowired
	FileStoreJanitor janitor;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	private long petitionId;

	private static int cases;

	@BeforeEach
	void caseOfEnvironmentBureauWithHandlerSignedIn() {
		Demo.signIn(this.users, "office");
		long round = Cases.round(this.rounds);
		long batch = Cases.batch(this.rounds, round, 1, this.clock.instant().minus(Duration.ofHours(2)));
		this.petitionId = this.petitions.register(batch,
				Cases.airComplaint("D3JX20261121010" + (++cases), this.clock.instant()));
		long lead = this.jdbc.sql("select id from unit where name = '萍乡市生态环境局'").query(Long.class).single();
		this.petitions.assign(this.petitionId, 0, lead, List.of(), List.of());
		Demo.signIn(this.users, "handler");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPngIsAcceptedAndKeptByItsHash() throws IOException {
		byte[] png = png();
		EvidenceFile file = this.evidence.attach(this.petitionId, "现场照片.png", new ByteArrayInputStream(png));
		assertThat(file.contentType()).isEqualTo("image/png");
		assertThat(file.sizeBytes()).isEqualTo(png.length);
		Path stored = DATA_DIR.resolve("files")
			.resolve(file.sha256().substring(0, 2))
			.resolve(file.sha256().substring(2));
		assertThat(Files.readAllBytes(stored)).isEqualTo(png);
	}

	@Test
	void aTextFileRenamedPdfIsRefused() {
		assertRefused("处罚决定书.pdf", "这不是PDF文件，只是一段文字。".getBytes(StandardCharsets.UTF_8),
				"handling.evidence.typeRefused");
	}

	@Test
	void anExecutableIsRefused() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertRefused("setup.exe", exe, "handling.evidence.typeRefused");
	}

	@Test
	void aPngNamedAsPdfIsRefused() throws IOException {
		assertRefused("照片.pdf", png(), "handling.evidence.nameMismatch");
	}

	@Test
	void aFileOverTheLimitIsRefused() throws IOException {
		byte[] png = png();
		byte[] large = Arrays.copyOf(png, MAX_BYTES + 1);
		assertRefused("大照片.png", large, "handling.evidence.tooLarge");
	}

	@Test
	void aWordDocumentIsRecognisedInsideItsZipAndAPlainZipIsNot() {
		EvidenceFile docx = this.evidence.attach(this.petitionId, "处理情况说明.docx",
				new ByteArrayInputStream(zip("[Content_Types].xml", "word/document.xml")));
		assertThat(docx.contentType()).contains("wordprocessingml");
		assertRefused("处理情况说明.docx", zip("readme.txt"), "handling.evidence.typeRefused");
	}

	@Test
	void downloadReturnsTheSameBytesAsAnAttachment() throws Exception {
		byte[] png = png();
		EvidenceFile file = this.evidence.attach(this.petitionId, "现场照片.png", new ByteArrayInputStream(png));
		this.mvc.perform(get("/evidence/" + file.id()).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(png));
	}

	@Test
	void aHandlerOfAnotherUnitCannotDownloadOrUpload() throws Exception {
		EvidenceFile file = this.evidence.attach(this.petitionId, "现场照片.png", new ByteArrayInputStream(png()));
		this.mvc.perform(get("/evidence/" + file.id()).with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/petitions/" + this.petitionId + "/evidence")
				.file(new MockMultipartFile("file", "照片.png", "image/png", png()))
				.with(csrf())
				.with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isForbidden());
	}

	@Test
	void uploadPageAcceptsAFileAndListsIt() throws Exception {
		this.mvc
			.perform(multipart("/petitions/" + this.petitionId + "/evidence")
				.file(new MockMultipartFile("file", "现场照片.png", "application/octet-stream", png()))
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(redirectedUrl("/petitions/" + this.petitionId + "/evidence"));
		this.mvc.perform(get("/petitions/" + this.petitionId + "/evidence").with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("现场照片.png")));
		this.mvc
			.perform(
					multipart("/petitions/" + this.petitionId + "/evidence")
						.file(new MockMultipartFile("file", "病毒.pdf", "application/pdf",
								"MZ".getBytes(StandardCharsets.US_ASCII)))
						.with(csrf())
						.with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#file\"")));
	}

	@Test
	void aFileAttachedByMistakeIsWithdrawnByItsUploaderAndLeavesTheLists() throws Exception {
		EvidenceFile file = this.evidence.attach(this.petitionId, "错传的照片.png", new ByteArrayInputStream(png()));
		Demo.signIn(this.users, "xiangdong");
		assertThatThrownBy(() -> this.evidence.withdraw(this.petitionId, file.id()))
			.isInstanceOf(AccessDeniedException.class);
		this.mvc
			.perform(post("/petitions/" + this.petitionId + "/evidence/" + file.id() + "/withdraw").with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(redirectedUrl("/petitions/" + this.petitionId + "/evidence"))
			.andExpect(flash().attribute("banner", "handling.evidence.withdrawn"));
		Demo.signIn(this.users, "handler");
		assertThat(this.evidence.ofPetition(this.petitionId)).isEmpty();
		assertThatThrownBy(() -> this.evidence.withdraw(this.petitionId, file.id())).isInstanceOf(NotFound.class);
		this.mvc.perform(get("/evidence/" + file.id()).with(Demo.as(this.users, "office")))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc
			.sql("select count(*) from journal_entry where subject_type = 'petition' and subject_id = ?"
					+ " and event_type = 'EvidenceWithdrawn'")
			.param(String.valueOf(this.petitionId))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whatTheOfficeHasBeenSentCannotBeWithdrawn() throws Exception {
		EvidenceFile sent = this.evidence.attach(this.petitionId, "现场照片.png", new ByteArrayInputStream(png()));
		HandlingReport draft = this.reports.saveDraft(this.petitionId, null, HandledCases.complete("经现场核查，举报基本属实。"));
		HandlingReport submitted = this.reports.submit(this.petitionId, draft.rowVersion());
		assertThat(this.evidence.withdrawable(this.petitionId)).isEmpty();
		Demo.signIn(this.users, "office");
		this.reports.returnForSupplement(this.petitionId, submitted.rowVersion(), "请补充整改前后对比照片。");
		Demo.signIn(this.users, "handler");
		EvidenceFile added = this.evidence.attach(this.petitionId, "整改后照片.png", new ByteArrayInputStream(png()));
		assertThat(this.evidence.withdrawable(this.petitionId)).containsExactly(added.id());
		assertThatThrownBy(() -> this.evidence.withdraw(this.petitionId, sent.id())).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("handling.evidence.notWithdrawable");
		this.mvc
			.perform(delete("/api/petitions/" + this.petitionId + "/evidence/" + sent.id()).with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("handling.evidence.notWithdrawable"));
		this.mvc
			.perform(delete("/api/petitions/" + this.petitionId + "/evidence/" + added.id()).with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isNoContent());
		Demo.signIn(this.users, "handler");
		assertThat(this.evidence.ofPetition(this.petitionId)).extracting(EvidenceFile::id).containsExactly(sent.id());
	}

	@Test
	void theJanitorRemovesBytesThatARolledBackUploadLeftAndKeepsEverythingInUse() throws Exception {
		EvidenceFile kept = this.evidence.attach(this.petitionId, "现场照片.png", new ByteArrayInputStream(png()));
		byte[] orphanBytes = "回滚后留下的文件".getBytes(StandardCharsets.UTF_8);
		byte[] pdf = ("%PDF-1.4\n" + new String(orphanBytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
		this.transaction.executeWithoutResult((status) -> {
			this.evidence.attach(this.petitionId, "回滚.pdf", new ByteArrayInputStream(pdf));
			status.setRollbackOnly();
		});
		String orphan = sha256(pdf);
		Path orphanPath = this.files.path(orphan);
		assertThat(orphanPath).exists();
		Path part = DATA_DIR.resolve("files").resolve("incoming").resolve("upload-abandoned.part");
		Files.createDirectories(part.getParent());
		Files.write(part, new byte[] { 1, 2, 3 });
		Path young = this.files.path(sha256("刚刚上传".getBytes(StandardCharsets.UTF_8)));
		Files.createDirectories(young.getParent());
		Files.write(young, "刚刚上传".getBytes(StandardCharsets.UTF_8));
		FileTime twoDaysAgo = FileTime.from(this.clock.instant().minus(Duration.ofDays(2)));
		for (Path old : List.of(orphanPath, part, this.files.path(kept.sha256()))) {
			Files.setLastModifiedTime(old, twoDaysAgo);
		}

		assertThat(this.janitor.sweep()).isEqualTo(2);
		assertThat(orphanPath).doesNotExist();
		assertThat(part).doesNotExist();
		assertThat(this.files.path(kept.sha256())).exists();
		assertThat(young).exists();
		this.mvc.perform(get("/evidence/" + kept.id()).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png()));
	}

	@Test
	void aFileUsedAgainWhileTheJanitorLooksIsPutBack() throws Exception {
		byte[] bytes = "又被上传了一次".getBytes(StandardCharsets.UTF_8);
		FileStore.Received first = this.files.receive(new ByteArrayInputStream(bytes), MAX_BYTES);
		this.files.keep(first);
		Path stored = this.files.path(first.sha256());
		Instant seen = this.clock.instant().minus(Duration.ofDays(2));
		Files.setLastModifiedTime(stored, FileTime.from(seen));
		// Another upload of the same content keeps it (and touches it) after the janitor
		// saw it unused.
		this.files.keep(this.files.receive(new ByteArrayInputStream(bytes), MAX_BYTES));
		assertThat(this.files.removeIfUnused(first.sha256(), seen)).isFalse();
		assertThat(stored).exists().hasBinaryContent(bytes);
		assertThat(this.files.removeIfUnused(first.sha256(), Files.getLastModifiedTime(stored).toInstant())).isTrue();
		assertThat(stored).doesNotExist();
		// An upload that finds it gone puts its own copy in place.
		this.files.keep(this.files.receive(new ByteArrayInputStream(bytes), MAX_BYTES));
		assertThat(stored).exists().hasBinaryContent(bytes);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private void assertRefused(String name, byte[] content, String code) {
		long before = this.jdbc.sql("select count(*) from evidence_file").query(Long.class).single();
		assertThatThrownBy(() -> this.evidence.attach(this.petitionId, name, new ByteArrayInputStream(content)))
			.isInstanceOf(InvalidInput.class)
			.extracting((e) -> ((InvalidInput) e).problems().get(0).code())
			.isEqualTo(code);
		assertThat(this.jdbc.sql("select count(*) from evidence_file").query(Long.class).single()).isEqualTo(before);
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private static byte[] zip(String... entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("ducha-evidence-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
