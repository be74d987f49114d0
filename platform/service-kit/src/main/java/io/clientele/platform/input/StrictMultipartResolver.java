package io.clientele.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Spring's multipart resolver, parsing at once (a truncated or boundary-less body fails before any handler
 * runs, as a {@link MultipartException} the problem handler answers 400) and refusing a file name with a
 * control character: a NUL in one failed the import's write deep in the database instead.
 */
class StrictMultipartResolver extends StandardServletMultipartResolver {

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        MultipartHttpServletRequest multipart = super.resolveMultipart(request);
        for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename();
                if (name != null && name.chars().anyMatch(Character::isISOControl)) {
                    cleanupMultipart(multipart);
                    throw new MultipartException("The file name of part '" + file.getName()
                            + "' contains a control character");
                }
            }
        }
        return multipart;
    }
}
