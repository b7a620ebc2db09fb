import { Controller, Get, Query } from '@nestjs/common';
import { CREDIT_FORMULA } from '@mkt/registry/core';
import { Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { jsonColumn } from '@mkt/shared/persistence';
import { DIRECTORY_ENTRY } from '../../http-responses';
import { SearchDirectoryRequestDto } from './search-directory.request.dto';

interface DirectoryRow {
  id: string;
  name: string;
  region: string;
  status: string;
  credit_score: number | null;
  service_items: string[] | string;
  qualifications: { serviceItemCode: string; level: number; validUntil: string; current: boolean }[] | string;
}

// Qualification dates are civil dates in China Standard Time (UTC+8, no daylight saving).
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The public directory of firms on the marketplace: name, region, status, qualifications and credit score — what
 * anyone may know about a firm that can be drawn. Firms still under review or withdrawn are not listed. Filters on
 * item, qualification type or level count only qualifications valid today and not expired; each qualification
 * says whether it is `current`.
 */
@Controller('api/registry/directory')
export class SearchDirectoryHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get()
  @Public()
  @Responds(schema.array(DIRECTORY_ENTRY))
  async search(@Query() query: SearchDirectoryRequestDto) {
    const rows: DirectoryRow[] = await this.unitOfWork.run((tx) => {
      const today = new Date(tx.now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
      const byQualification = query.serviceItemCode !== undefined || query.qualificationType !== undefined || query.level !== undefined;
      return tx.manager.query(
        `SELECT a.id, a.name, a.region, a.status, a.service_items, c.score AS credit_score,
                coalesce(json_agg(json_build_object('serviceItemCode', q.service_item_code, 'level', q.level, 'validUntil', to_char(q.valid_until, 'YYYY-MM-DD'),
                                                    'current', q.expired_at IS NULL AND q.valid_from <= $5::date AND q.valid_until >= $5::date) ORDER BY q.id)
                         FILTER (WHERE q.id IS NOT NULL), '[]') AS qualifications
           FROM agency a
           LEFT JOIN qualification q ON q.agency_id = a.id
           LEFT JOIN credit_record c ON c.agency_id = a.id
          WHERE a.status IN ('ACTIVE', 'SUSPENDED', 'BLACKLISTED')
            AND ($1::text IS NULL OR a.status = $1)
            AND ($2::text IS NULL OR a.region = $2)
            AND ($3::text IS NULL OR a.name ILIKE '%' || $3 || '%')
            AND (NOT $4::boolean OR EXISTS (
                  SELECT 1 FROM qualification q2 LEFT JOIN service_item i ON i.code = q2.service_item_code
                   WHERE q2.agency_id = a.id AND q2.expired_at IS NULL AND q2.valid_from <= $5::date AND q2.valid_until >= $5::date
                     AND ($6::text IS NULL OR q2.service_item_code = $6)
                     AND ($7::text IS NULL OR i.standard->>'qualificationType' = $7)
                     AND ($8::int IS NULL OR q2.level <= $8)))
          GROUP BY a.id, c.score ORDER BY a.name LIMIT $9`,
        [query.status ?? null, query.region ?? null, query.q ?? null, byQualification, today, query.serviceItemCode ?? null, query.qualificationType ?? null, query.level ?? null, query.limit ?? 100],
      );
    });
    return rows.map(({ credit_score, service_items, ...r }) => ({
      ...r,
      serviceItems: jsonColumn(service_items),
      creditScore: credit_score ?? CREDIT_FORMULA.start,
      qualifications: jsonColumn(r.qualifications),
    }));
  }
}
