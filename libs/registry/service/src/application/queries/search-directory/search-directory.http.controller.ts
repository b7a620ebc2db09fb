import { Controller, Get, Query } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { jsonColumn } from '@mkt/shared/persistence';
import { SearchDirectoryRequestDto } from './search-directory.request.dto';

interface DirectoryRow {
  id: string;
  name: string;
  region: string;
  status: string;
  qualifications: { serviceItemCode: string; level: number; validUntil: string }[] | string;
}

/**
 * The public directory of firms on the marketplace: name, region, status and qualifications — what anyone may
 * know about a firm that can be drawn. Firms still under review or withdrawn are not listed.
 */
@Controller('api/registry/directory')
export class SearchDirectoryHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get()
  @Public()
  async search(@Query() query: SearchDirectoryRequestDto) {
    const rows: DirectoryRow[] = await this.unitOfWork.run((tx) =>
      tx.manager.query(
        `SELECT a.id, a.name, a.region, a.status,
                coalesce(json_agg(json_build_object('serviceItemCode', q.service_item_code, 'level', q.level, 'validUntil', to_char(q.valid_until, 'YYYY-MM-DD')))
                         FILTER (WHERE q.id IS NOT NULL), '[]') AS qualifications
           FROM agency a LEFT JOIN qualification q ON q.agency_id = a.id
          WHERE a.status IN ('ACTIVE', 'SUSPENDED', 'BLACKLISTED')
            AND ($1::text IS NULL OR a.status = $1)
            AND ($2::text IS NULL OR a.region = $2)
            AND ($3::text IS NULL OR a.name ILIKE '%' || $3 || '%')
            AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM qualification q2 WHERE q2.agency_id = a.id AND q2.service_item_code = $4))
          GROUP BY a.id ORDER BY a.name LIMIT $5`,
        [query.status ?? null, query.region ?? null, query.q ?? null, query.serviceItemCode ?? null, query.limit ?? 100],
      ),
    );
    return rows.map((r) => ({ ...r, qualifications: jsonColumn(r.qualifications) }));
  }
}
